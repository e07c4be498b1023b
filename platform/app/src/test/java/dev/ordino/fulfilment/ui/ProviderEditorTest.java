package dev.ordino.fulfilment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.KaribuTest;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.fulfilment.ProviderInstances;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.security.Roles;
import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin adds a provider; what the provider rules refuse shows on the field it is about. */
class ProviderEditorTest extends KaribuTest {

    @Autowired
    FakeSmmPanelAccess panels;
    @Autowired
    ProviderInstances instances;

    @Test
    void aMarkupOutOfRangeOrAMissingKeyIsRefusedOnItsFieldAndAGoodProviderSaves() throws Exception {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/providers");
        ProvidersView view = _get(ProvidersView.class);
        NotificationsKt.clearNotifications();
        String name = "Bound panel " + UUID.randomUUID().toString().substring(0, 8);
        try (var panel = panels.panel()) {
            ProviderEditor editor = view.editor(null);
            assertThat(editor.plugin.getValue()).as("the bundled panel plugin is suggested").isEqualTo("provider-smm-v2");
            assertThat(editor.markupPercent.getValue()).isEqualByComparingTo("50");
            editor.name.setValue(name);
            _get(editor, TextField.class, spec -> spec.withId("provider-setting-url")).setValue(panel.url());
            editor.currency.setValue("USD");
            editor.conversionRate.setValue(BigDecimal.ONE);
            editor.markupPercent.setValue(new BigDecimal("-5"));
            _get(editor, PasswordField.class, spec -> spec.withId("provider-setting-key")).setValue(panel.key());
            editor.submit();

            assertThat(editor.markupPercent.isInvalid()).isTrue();
            assertThat(editor.markupPercent.getErrorMessage()).isEqualTo("Use a percentage from 0 to 1000.");
            assertThat(NotificationsKt.getNotifications()).as("on the field, not in a notification").isEmpty();
            assertThat(instances.list()).noneMatch(p -> p.name().equals(name));

            editor.markupPercent.setValue(new BigDecimal("30"));
            PasswordField key = _get(editor, PasswordField.class, spec -> spec.withId("provider-setting-key"));
            key.setValue("");
            editor.submit();
            assertThat(editor.markupPercent.isInvalid()).as("the earlier refusal is taken back").isFalse();
            assertThat(key.isInvalid()).as("a plugin setting is a field too").isTrue();
            assertThat(key.getErrorMessage()).isEqualTo("This setting is required.");
            assertThat(NotificationsKt.getNotifications()).isEmpty();

            key.setValue(panel.key());
            editor.submit();
            assertThat(editor.isOpened()).isFalse();
            ProviderView saved = instances.list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            assertThat(saved.markupPercent()).isEqualByComparingTo("30");
            assertThat(saved.currency()).isEqualTo("USD");
            assertThat(saved.settings()).containsEntry("url", panel.url());

            ProviderEditor again = view.editor(saved);
            assertThat(again.name.getValue()).isEqualTo(name);
            assertThat(again.plugin.isEnabled()).as("the plugin of an instance stays").isFalse();
            assertThat(_get(again, TextField.class, spec -> spec.withId("provider-setting-url")).getValue()).isEqualTo(panel.url());
        }
    }

    @Test
    void anImportAtANegativeMarkupIsRefusedOnTheMarkupFieldAndAGoodOneCreatesTheOffering() throws Exception {
        signIn("admin@example.com", Roles.ADMIN);
        String name = "Import panel " + UUID.randomUUID().toString().substring(0, 8);
        try (var panel = panels.panel()) {
            long providerId = panels.provider(panel, name);
            UI.getCurrent().navigate("admin/providers");
            ProvidersView view = _get(ProvidersView.class);
            NotificationsKt.clearNotifications();
            ProviderView provider = instances.list().stream().filter(p -> p.id() == providerId).findFirst().orElseThrow();

            ImportDialog dialog = view.importDialog(provider);
            assertThat(dialog.markupPercent.getValue()).as("the provider's markup").isEqualByComparingTo("50");
            dialog.categories.setValue(Set.of("Instagram Followers"));
            dialog.markupPercent.setValue(new BigDecimal("-1"));
            int fetched = panel.count("services");
            dialog.submit();
            assertThat(dialog.markupPercent.isInvalid()).isTrue();
            assertThat(dialog.markupPercent.getErrorMessage()).isEqualTo("Use a percentage from 0 to 1000.");
            assertThat(NotificationsKt.getNotifications()).isEmpty();
            assertThat(panel.count("services")).as("nothing fetched for a refused import").isEqualTo(fetched);

            dialog.markupPercent.setValue(new BigDecimal("20"));
            dialog.submit();
            assertThat(dialog.isOpened()).isFalse();
            assertThat(dialog.imported()).isEqualTo(1);
            NotificationsKt.expectNotifications("Imported 1 services");
        }
    }
}
