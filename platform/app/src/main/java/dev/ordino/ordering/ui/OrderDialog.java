package dev.ordino.ordering.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CartService;
import dev.ordino.ordering.OrderService;
import java.math.BigDecimal;

/** The order form over the catalog, for a quick order without leaving the list. */
class OrderDialog extends Dialog {

    final OrderForm form;
    final BigDecimalField quantity;
    final TextField link;
    final TextArea note;
    final IntegerField runs;
    final IntegerField interval;
    final TextArea entries;
    final Span total;
    final Span balanceText;
    final Button orderNow;
    final Button addToCart;
    final Div balanceProblem;

    OrderDialog(OfferingView offering, OrderService orders, CartService carts, StoreCurrency currency, Long customerId,
                String actor, BigDecimal balance) {
        form = new OrderForm(offering, orders, carts, currency, customerId, actor, balance).onDone(this::close)
                .returnTo("s/" + offering.id() + "-" + offering.slug());
        quantity = form.quantity;
        link = form.link;
        note = form.note;
        runs = form.runs;
        interval = form.interval;
        entries = form.entries;
        total = form.total;
        balanceText = form.balanceText;
        orderNow = form.orderNow;
        addToCart = form.addToCart;
        balanceProblem = form.balanceProblem;
        setHeaderTitle(offering.name());
        setWidth("min(32rem, 100vw)");
        addClassName("ordino-order-dialog");
        add(form);
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getFooter().add(cancel);
        getFooter().add(form.actions.getChildren().toArray(Component[]::new));
        form.actions.setVisible(false);
    }

    void orderNow() {
        form.orderNow();
    }

    void addToCart() {
        form.addToCart();
    }

    void refresh() {
        form.refresh();
    }
}
