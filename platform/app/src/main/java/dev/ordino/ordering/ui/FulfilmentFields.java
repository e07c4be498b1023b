package dev.ordino.ordering.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.ordering.FulfilmentChoice;

/** At checkout of products: pickup (with an optional time) or delivery (address and phone). */
class FulfilmentFields extends Div {

    final RadioButtonGroup<FulfilmentMethod> method = new RadioButtonGroup<>();
    final TextField time = new TextField();
    final TextArea address = new TextArea();
    final TextField phone = new TextField();

    FulfilmentFields() {
        setId("checkout-fulfilment");
        method.setId("fulfilment-method");
        method.setLabel(getTranslation("checkout.fulfilment"));
        method.setItems(FulfilmentMethod.values());
        method.setItemLabelGenerator(m -> getTranslation(m == FulfilmentMethod.PICKUP ? "order.pickup" : "order.delivery"));
        method.setValue(FulfilmentMethod.PICKUP);
        time.setId("fulfilment-time");
        time.setLabel(getTranslation("checkout.pickup-time"));
        time.setMaxLength(100);
        address.setId("fulfilment-address");
        address.setLabel(getTranslation("checkout.address"));
        address.setMaxLength(500);
        address.setWidthFull();
        phone.setId("fulfilment-phone");
        phone.setLabel(getTranslation("checkout.phone"));
        phone.setMaxLength(30);
        method.addValueChangeListener(e -> showFields());
        add(method, time, address, phone);
        showFields();
    }

    private void showFields() {
        boolean delivery = method.getValue() == FulfilmentMethod.DELIVERY;
        time.setVisible(!delivery);
        address.setVisible(delivery);
        phone.setVisible(delivery);
    }

    /** The choice, or null when the order has no products (the fields are hidden). */
    FulfilmentChoice value() {
        if (!isVisible()) {
            return null;
        }
        return method.getValue() == FulfilmentMethod.DELIVERY
                ? new FulfilmentChoice("delivery", address.getValue(), phone.getValue(), null)
                : new FulfilmentChoice("pickup", null, null, time.getValue());
    }

    /** Shows a refusal on its field; false when it is not about these fields. */
    boolean show(DomainException e) {
        switch (String.valueOf(e.field())) {
            case "address" -> Feedback.invalid(address, Feedback.message(this, e));
            case "phone" -> Feedback.invalid(phone, Feedback.message(this, e));
            case "fulfilment" -> Feedback.invalid(method, Feedback.message(this, e));
            default -> {
                return false;
            }
        }
        return true;
    }
}
