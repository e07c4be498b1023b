package dev.ordino.store.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.store.HandoverSettings;
import dev.ordino.store.HandoverSettingsService;
import java.util.Map;

/** The pickup point (name, address, opening hours), the store's delivery fee and the uncollected-pickup reminder. */
class HandoverSettingsForm extends Div {

    final TextField pickupName = new TextField();
    final TextField pickupAddress = new TextField();
    final TextField pickupHours = new TextField();
    final BigDecimalField deliveryFee = new BigDecimalField();
    final IntegerField remindDays = new IntegerField();
    final Button save = new Button();

    HandoverSettingsForm(HandoverSettingsService settings, StoreCurrency currency) {
        pickupName.setLabel(getTranslation("admin.settings.pickup-name"));
        pickupName.setId("pickup-name");
        pickupAddress.setLabel(getTranslation("admin.settings.pickup-address"));
        pickupAddress.setId("pickup-address");
        pickupHours.setLabel(getTranslation("admin.settings.pickup-hours"));
        pickupHours.setId("pickup-hours");
        deliveryFee.setLabel(getTranslation("admin.settings.delivery-fee") + " (" + currency.code() + ")");
        deliveryFee.setId("delivery-fee");
        remindDays.setLabel(getTranslation("admin.settings.remind-days"));
        remindDays.setId("remind-days");
        HandoverSettings current = settings.current();
        pickupName.setValue(current.pickupName());
        pickupAddress.setValue(current.pickupAddress());
        pickupHours.setValue(current.pickupHours());
        deliveryFee.setValue(current.deliveryFee());
        remindDays.setValue(current.remindAfterDays());
        save.setText(getTranslation("action.save"));
        save.setId("pickup-save");
        Map<String, HasValidation> fields = Map.of("deliveryFee", deliveryFee, "remindAfterDays", remindDays);
        save.addClickListener(e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                settings.save(new HandoverSettings(pickupName.getValue(), pickupAddress.getValue(), pickupHours.getValue(),
                        deliveryFee.getValue(), remindDays.getValue() == null ? 0 : remindDays.getValue()));
                Feedback.success(getTranslation("admin.catalog.saved"));
            } catch (DomainException ex) {
                HasValidation field = fields.get(ex.field());
                if (field != null) {
                    Feedback.invalid(field, Feedback.message(this, ex));
                } else {
                    Feedback.error(Feedback.message(this, ex));
                }
            }
        });
        add(new H3(getTranslation("admin.settings.pickup")),
                new FormLayout(pickupName, pickupAddress, pickupHours, deliveryFee, remindDays), save);
    }
}
