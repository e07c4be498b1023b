package dev.ordino.store.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.security.Roles;
import dev.ordino.store.HandoverSettingsService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HandoverSettingsFormTest extends KaribuTest {

    @Autowired
    HandoverSettingsService settings;
    @Autowired
    Actors actors;

    @Test
    void anAdminSetsThePickupPointDeliveryFeeAndReminderAndAWrongValueIsShownOnItsField() {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/settings");
        HandoverSettingsForm form = _get(HandoverSettingsForm.class);
        form.pickupName.setValue("Ordino Kemang");
        form.pickupAddress.setValue("Jl. Kemang Raya 5");
        form.pickupHours.setValue("Mon-Sat 9-18");
        form.deliveryFee.setValue(new BigDecimal("-1"));
        ButtonKt._click(form.save);
        assertThat(form.deliveryFee.isInvalid()).isTrue();

        form.deliveryFee.setValue(new BigDecimal("3.50"));
        form.remindDays.setValue(5);
        ButtonKt._click(form.save);
        var saved = actors.asAdmin(() -> settings.current());
        assertThat(saved.pickupName()).isEqualTo("Ordino Kemang");
        assertThat(saved.pickupAddress()).isEqualTo("Jl. Kemang Raya 5");
        assertThat(saved.pickupHours()).isEqualTo("Mon-Sat 9-18");
        assertThat(saved.deliveryFee()).isEqualByComparingTo("3.50");
        assertThat(saved.remindAfterDays()).isEqualTo(5);
    }
}
