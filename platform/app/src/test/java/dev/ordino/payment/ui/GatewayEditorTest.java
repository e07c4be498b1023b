package dev.ordino.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.ordino.KaribuTest;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.security.Roles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin adds a payment gateway; what the gateway rules refuse shows on the field it is about. */
class GatewayEditorTest extends KaribuTest {

    @Autowired
    GatewayInstances gateways;

    @Test
    void aBlankNameOrACurrencyTheGatewayCannotTakeIsRefusedOnItsFieldAndAGoodGatewaySaves() {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/payments");
        PaymentsAdminView view = _get(PaymentsAdminView.class);
        NotificationsKt.clearNotifications();
        String name = "Transfer " + UUID.randomUUID().toString().substring(0, 8);

        GatewayEditor editor = view.editor(null);
        editor.plugin.setValue("payment-midtrans");
        editor.name.setValue(" ");
        editor.submit();
        assertThat(editor.name.isInvalid()).isTrue();
        assertThat(editor.name.getErrorMessage()).isEqualTo("This field is required.");
        assertThat(NotificationsKt.getNotifications()).as("on the field, not in a notification").isEmpty();

        // This store sells in dollars; Midtrans takes only rupiah.
        editor.name.setValue(name);
        _get(editor, PasswordField.class, spec -> spec.withId("gateway-setting-serverKey"))
                .setValue("SB-Mid-server-bound");
        editor.enabled.setValue(true);
        editor.submit();
        assertThat(editor.name.isInvalid()).isFalse();
        assertThat(editor.enabled.isInvalid()).isTrue();
        assertThat(editor.enabled.getErrorMessage()).startsWith("This gateway takes only IDR");
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        assertThat(gateways.list()).noneMatch(g -> g.name().equals(name));

        editor.plugin.setValue("payment-manual");
        _get(editor, TextArea.class, spec -> spec.withId("gateway-setting-instructions")).setValue("ACME Bank 123");
        editor.submit();
        assertThat(editor.isOpened()).isFalse();
        GatewayInstances.GatewayView saved = gateways.list().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.plugin()).isEqualTo("payment-manual");
        assertThat(saved.enabled()).isTrue();
        NotificationsKt.expectNotifications("Gateway saved");
    }
}
