package dev.ordino.ordering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.Placement;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.WalletService;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The cart: its lines, the total, the balance, and checkout paid from the wallet. */
@Route(value = "cart", layout = MainLayout.class)
@PermitAll
public class CartView extends VerticalLayout implements HasDynamicTitle {

    final Button checkout = new Button();
    final Div lines = new Div();
    final Span total = new Span();
    final Div problem = new Div();

    private final Cart cart;
    private final OrderService orders;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;

    final com.vaadin.flow.component.radiobutton.RadioButtonGroup<dev.ordino.ordering.CheckoutPayments.Option> payWith =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>();

    public CartView(Cart cart, OrderService orders, WalletService wallet, StoreCurrency currency, CurrentUser currentUser,
                    org.springframework.beans.factory.ObjectProvider<dev.ordino.ordering.CheckoutPayments> checkoutPayments) {
        this.cart = cart;
        this.orders = orders;
        this.wallet = wallet;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassName("ordino-page");
        setPadding(false);
        checkout.setText(getTranslation("cart.checkout"));
        checkout.setId("checkout");
        checkout.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkout.setDisableOnClick(true);
        checkout.addClickListener(e -> checkout());
        total.setId("cart-total");
        problem.addClassName("ordino-error-text");
        problem.setVisible(false);
        List<dev.ordino.ordering.CheckoutPayments.Option> options = new java.util.ArrayList<>();
        options.add(new dev.ordino.ordering.CheckoutPayments.Option("wallet", getTranslation("cart.pay-wallet")));
        dev.ordino.ordering.CheckoutPayments payments = checkoutPayments.getIfAvailable();
        if (payments != null) {
            options.addAll(payments.options());
        }
        payWith.setLabel(getTranslation("cart.pay-with"));
        payWith.setId("cart-pay-with");
        payWith.setItems(options);
        payWith.setItemLabelGenerator(dev.ordino.ordering.CheckoutPayments.Option::name);
        payWith.setValue(options.getFirst());
        payWith.setVisible(options.size() > 1);
        add(new H2(getTranslation("cart.title")), lines, total, payWith, problem, checkout);
        render();
    }

    private void render() {
        lines.removeAll();
        List<OrderService.PricedLine> items = cart.lines();
        if (items.isEmpty()) {
            Div empty = new Div(new Span(getTranslation("cart.empty") + " "), new Anchor("", getTranslation("cart.browse")));
            empty.addClassName("ordino-card");
            empty.setId("cart-empty");
            lines.add(empty);
        }
        for (int i = 0; i < items.size(); i++) {
            OrderService.PricedLine line = items.get(i);
            int index = i;
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                cart.remove(index);
                render();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("cart.remove"));
            Div row = new Div(new Span(line.quantity() + " × " + line.offering().name() + " — " + currency.display(line.lineTotal())), remove);
            row.addClassName("ordino-card");
            row.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "center")
                    .set("margin-bottom", "var(--lumo-space-s)");
            lines.add(row);
        }
        total.setText(getTranslation("cart.total", currency.display(cart.total()),
                currency.display(wallet.balance(currentUser.requireId()))));
        checkout.setEnabled(!items.isEmpty());
    }

    void checkout() {
        try {
            Placement placement = orders.place(currentUser.requireId(), currentUser.email().orElseThrow(),
                    cart.toOrder(payWith.getValue().payment()), cart.checkoutKey());
            cart.clear();
            Feedback.success(getTranslation(placement.payment() == null ? "order.placed" : "order.placed-pay",
                    placement.order().number()));
            getUI().ifPresent(ui -> ui.navigate("orders/" + placement.order().id()));
        } catch (DomainException e) {
            problem.removeAll();
            problem.add(new Span(Feedback.message(this, e) + " "));
            if (e.code().equals("insufficient_balance")) {
                problem.add(new Anchor("wallet", getTranslation("order.top-up-later")));
            }
            problem.setVisible(true);
            checkout.setEnabled(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cart.title") + " · " + getTranslation("app.name");
    }
}
