package dev.ordino.catalog.ui;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.BigDecimalField;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.catalog.ProductTerms;

/** In the offering editor, for products: pickup and/or delivery, and a delivery fee over the store's. */
class ProductTermsFields extends Div {

    final CheckboxGroup<FulfilmentMethod> methods = new CheckboxGroup<>();
    final BigDecimalField deliveryFee = new BigDecimalField();

    ProductTermsFields(ProductTerms terms) {
        methods.setId("offering-fulfilment");
        methods.setLabel(getTranslation("admin.catalog.fulfilment"));
        methods.setItems(FulfilmentMethod.values());
        methods.setItemLabelGenerator(m -> getTranslation(m == FulfilmentMethod.PICKUP ? "order.pickup" : "order.delivery"));
        methods.setValue(terms.methods());
        deliveryFee.setId("offering-delivery-fee");
        deliveryFee.setLabel(getTranslation("admin.catalog.delivery-fee"));
        deliveryFee.setValue(terms.deliveryFee());
        add(methods, deliveryFee);
    }

    ProductTerms value() {
        return new ProductTerms(methods.getValue(), deliveryFee.getValue());
    }
}
