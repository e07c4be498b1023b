package dev.ordino.ordering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.ordering.CartService;
import dev.ordino.ordering.CheckoutPayments;
import dev.ordino.ordering.Placement;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.WalletService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The account's cart (kept in the database, so it is the same on every device): each line with its
 * link, the total and balance, the way to pay, and a pay button that says what happens next.
 */
@Route(value = "cart", layout = MainLayout.class)
@PermitAll
public class CartView extends VerticalLayout implements HasDynamicTitle {

    final Button checkout = new Button();
    final FulfilmentFields fulfilment = new FulfilmentFields();
    final Div lines = new Div();
    final Span total = new Span();
    final Div problem = new Div();
    final RadioButtonGroup<CheckoutPayments.Option> payWith = new RadioButtonGroup<>();

    private final CartService carts;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private CartService.Contents contents;

    public CartView(CartService carts, WalletService wallet, StoreCurrency currency, CurrentUser currentUser,
                    ObjectProvider<CheckoutPayments> checkoutPayments) {
        this.carts = carts;
        this.wallet = wallet;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassNames("ordino-page", "ordino-cart");
        setPadding(false);
        checkout.setId("checkout");
        checkout.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkout.setDisableOnClick(true);
        checkout.addClickListener(e -> checkout());
        total.setId("cart-total");
        problem.addClassName("ordino-error-text");
        problem.setVisible(false);
        lines.setId("cart-lines");
        lines.setWidthFull();
        List<CheckoutPayments.Option> options = new ArrayList<>();
        options.add(new CheckoutPayments.Option("wallet", getTranslation("cart.pay-wallet")));
        CheckoutPayments payments = checkoutPayments.getIfAvailable();
        if (payments != null) {
            options.addAll(payments.options());
        }
        payWith.setLabel(getTranslation("cart.pay-with"));
        payWith.setId("cart-pay-with");
        payWith.setItems(options);
        payWith.setItemLabelGenerator(CheckoutPayments.Option::name);
        payWith.setValue(options.getFirst());
        payWith.setVisible(options.size() > 1);
        payWith.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        payWith.addValueChangeListener(e -> nameTheButton());
        add(new H2(getTranslation("cart.title")), lines, total, fulfilment, payWith, problem, checkout);
        render();
    }

    private void render() {
        contents = carts.contents(currentUser.requireId());
        lines.removeAll();
        if (contents.isEmpty()) {
            Div empty = new Div(new Span(getTranslation("cart.empty") + " "), new Anchor("", getTranslation("cart.browse")));
            empty.addClassName("ordino-card");
            empty.setId("cart-empty");
            lines.add(empty);
        }
        for (CartService.CartLine line : contents.lines()) {
            lines.add(row(line));
        }
        total.setText(getTranslation("cart.total", Prices.amount(this, currency, contents.total()),
                Prices.amount(this, currency, wallet.balance(currentUser.requireId()))));
        checkout.setEnabled(contents.orderable());
        fulfilment.setVisible(contents.lines().stream()
                .anyMatch(l -> l.offering() != null && l.offering().kind() == OfferingKind.PRODUCT));
        nameTheButton();
    }

    private Div row(CartService.CartLine line) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
            carts.remove(currentUser.requireId(), line.id());
            render();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("cart.remove"));
        remove.setId("cart-remove-" + line.id());
        Div what = new Div();
        what.addClassName("ordino-cart-what");
        String name = line.offering() == null ? getTranslation("cart.gone") : line.offering().name();
        Div title = new Div(Prices.count(this, line.quantity()) + " × ");
        if (line.offering() != null) {
            title.add(new RouterLink(name, OfferingPage.class, OfferingPage.parameters(line.offering())));
        } else {
            title.add(new Span(name));
        }
        title.addClassName("ordino-cart-title");
        what.add(title);
        if (line.link() != null) {
            Div link = new Div(line.link());
            link.addClassNames("ordino-muted", "ordino-wrap", "ordino-cart-link");
            what.add(link);
        }
        if (line.problem() != null) {
            Div why = new Div(Feedback.message(this, line.problem()));
            why.addClassName("ordino-error-text");
            what.add(why);
        }
        Span amount = new Span(line.priced() == null ? "—" : Prices.amount(this, currency, line.lineTotal()));
        amount.addClassName("ordino-cart-amount");
        Div row = new Div(what, amount, remove);
        row.addClassNames("ordino-card", "ordino-cart-line");
        row.getElement().setAttribute("data-item", String.valueOf(line.id()));
        return row;
    }

    /** "Pay 3.20 USD from wallet", "Continue to Bank transfer": the button says what happens next. */
    private void nameTheButton() {
        CheckoutPayments.Option option = payWith.getValue();
        checkout.setText(option == null || option.payment().equals("wallet")
                ? getTranslation("cart.pay-from-wallet", Prices.amount(this, currency, contents.total()))
                : getTranslation("cart.continue-to", option.name()));
    }

    void checkout() {
        try {
            Placement placement = carts.checkout(currentUser.requireId(), currentUser.email().orElseThrow(), contents,
                    payWith.getValue().payment(), fulfilment.value());
            Feedback.success(getTranslation(placement.payment() == null ? "order.placed" : "order.placed-pay",
                    placement.order().number()));
            getUI().ifPresent(ui -> ui.navigate("orders/" + placement.order().id()));
        } catch (DomainException e) {
            fulfilment.show(e);
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
