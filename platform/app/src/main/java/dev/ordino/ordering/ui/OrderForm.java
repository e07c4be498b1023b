package dev.ordino.ordering.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.QueryParameters;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.ReturnAddress;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CartService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Ordering one offering: quantity, link (SMM services), drip-feed, note. The total follows what is
 * typed; the balance is shown; errors appear on the field at fault. "Order and pay" pays from the
 * wallet at once; "Add to cart" keeps the line for a checkout of several. A visitor gets a button
 * to sign in that brings them back to this page. Used by the order dialog, the offering's page and
 * the New order page.
 */
class OrderForm extends VerticalLayout {

    final BigDecimalField quantity = new BigDecimalField();
    final TextField link = new TextField();
    final TextArea note = new TextArea();
    final IntegerField runs = new IntegerField();
    final IntegerField interval = new IntegerField();
    final TextArea entries = new TextArea();
    final Span total = new Span();
    final Span balanceText = new Span();
    final Button orderNow = new Button();
    final Button addToCart = new Button();
    final Button signIn = new Button();
    final Div balanceProblem = new Div();
    final FlexLayout actions = new FlexLayout();

    private final OfferingView offering;
    private final OrderService orders;
    private final CartService carts;
    private final StoreCurrency currency;
    private final Long customerId;
    private final String actor;
    private final BigDecimal balance;
    private final String idempotencyKey = UUID.randomUUID().toString();
    final FulfilmentFields fulfilment = new FulfilmentFields();
    private Runnable onDone = () -> { };
    private String returnTo;

    OrderForm(OfferingView offering, OrderService orders, CartService carts, StoreCurrency currency, Long customerId,
              String actor, BigDecimal balance) {
        this.offering = customerId == null ? offering : orders.atCustomerPrices(customerId, offering);
        this.orders = orders;
        this.carts = carts;
        this.currency = currency;
        this.customerId = customerId;
        this.actor = actor;
        this.balance = balance;
        addClassName("ordino-order-form");
        setPadding(false);
        setAlignItems(FlexComponent.Alignment.STRETCH);

        quantity.setLabel(getTranslation("order.quantity"));
        quantity.setId("order-quantity");
        quantity.setHelperText(getTranslation("order.quantity-range", Prices.count(this, offering.minQuantity()),
                Prices.count(this, offering.maxQuantity())));
        quantity.setValue(BigDecimal.valueOf(offering.minQuantity()));
        quantity.setValueChangeMode(ValueChangeMode.EAGER);
        quantity.addValueChangeListener(e -> refresh());

        link.setLabel(getTranslation("order.link"));
        link.setId("order-link");
        link.setPlaceholder("https://");
        link.setVisible(offering.needsLink());
        link.setMaxLength(500);
        link.setValueChangeMode(ValueChangeMode.LAZY);
        link.addValueChangeListener(e -> link.setInvalid(false));

        boolean list = offering.takesComments() || offering.takesUsernames();
        entries.setLabel(getTranslation(offering.takesComments() ? "order.comments" : "order.usernames"));
        entries.setHelperText(getTranslation("order.one-per-line"));
        entries.setId("order-entries");
        entries.setVisible(list);
        entries.setMaxLength(OrderService.MAX_LIST);
        entries.setValueChangeMode(ValueChangeMode.LAZY);
        entries.addValueChangeListener(e -> refresh());
        quantity.setReadOnly(list);
        runs.setLabel(getTranslation("order.runs"));
        runs.setHelperText(getTranslation("order.runs-help"));
        runs.setId("order-runs");
        runs.setMin(2);
        runs.setMax(1000);
        runs.setClearButtonVisible(true);
        runs.setValueChangeMode(ValueChangeMode.EAGER);
        runs.addValueChangeListener(e -> refresh());
        interval.setLabel(getTranslation("order.interval"));
        interval.setId("order-interval");
        interval.setMin(1);
        interval.setMax(10_080);
        interval.setClearButtonVisible(true);
        interval.setValueChangeMode(ValueChangeMode.EAGER);
        interval.addValueChangeListener(e -> refresh());
        runs.setVisible(offering.dripfeed());
        interval.setVisible(offering.dripfeed());

        note.setLabel(getTranslation("order.note"));
        note.setId("order-note");
        note.setMaxLength(OrderService.MAX_NOTE);

        total.setId("order-total");
        total.addClassName("ordino-order-total");
        balanceText.setId("order-balance");
        balanceText.addClassName("ordino-muted");
        balanceProblem.setId("order-balance-problem");
        balanceProblem.addClassName("ordino-error-text");
        balanceProblem.setVisible(false);

        Div price = new Div(getTranslation("order.price", Prices.perUnit(this, currency, offering)));
        price.setId("order-price");
        price.addClassName("ordino-muted");
        fulfilment.setVisible(offering.kind() == OfferingKind.PRODUCT);
        add(price, entries, quantity, link, runs, interval, note, fulfilment,
                new Div(new Span(getTranslation("order.total") + " "), total), balanceText, balanceProblem, actions);

        orderNow.setText(getTranslation("order.order-now"));
        orderNow.setId("order-now");
        orderNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        orderNow.addClickListener(e -> orderNow());
        orderNow.setDisableOnClick(true);
        addToCart.setText(getTranslation("order.add-to-cart"));
        addToCart.setId("order-add-to-cart");
        addToCart.addClickListener(e -> addToCart());
        signIn.setText(getTranslation("order.sign-in-to-order"));
        signIn.setId("order-sign-in");
        signIn.setIcon(VaadinIcon.SIGN_IN.create());
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickListener(e -> signInAndComeBack());
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        boolean signedIn = customerId != null;
        if (signedIn) {
            actions.add(addToCart, orderNow);
        } else {
            actions.add(signIn);
        }
        refresh();
    }

    /** What to do once the order is placed or the line is in the cart (a dialog closes). */
    OrderForm onDone(Runnable onDone) {
        this.onDone = onDone;
        return this;
    }

    /** Where "Sign in to order" comes back to, when not the page the form is on (a dialog over the catalog). */
    OrderForm returnTo(String path) {
        this.returnTo = path;
        return this;
    }

    /** Re-prices as the customer types. */
    void refresh() {
        quantity.setInvalid(false);
        entries.setInvalid(false);
        runs.setInvalid(false);
        interval.setInvalid(false);
        balanceProblem.setVisible(false);
        if (entries.isVisible()) {
            quantity.setValue(BigDecimal.valueOf(entries.getValue().lines().filter(l -> !l.isBlank()).count()));
        }
        try {
            OrderService.PricedLine line = orders.price(line(true), offering);
            total.setText(Prices.amount(this, currency, line.lineTotal()));
            if (customerId != null) {
                balanceText.setText(getTranslation("order.balance", Prices.amount(this, currency, balance)));
                if (line.lineTotal().compareTo(balance) > 0) {
                    showBalanceProblem();
                }
            }
        } catch (DomainException e) {
            total.setText("—");
            switch (String.valueOf(e.field())) {
                case "quantity" -> Feedback.invalid(quantity, Feedback.message(this, e));
                case "runs" -> Feedback.invalid(runs, Feedback.message(this, e));
                case "interval" -> Feedback.invalid(interval, Feedback.message(this, e));
                default -> { }
            }
        }
    }

    private PlaceOrder.Line line(boolean ignoreLink) {
        BigDecimal value = quantity.getValue();
        Long qty = value == null || value.stripTrailingZeros().scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                ? null : value.longValueExact();
        String theLink = ignoreLink && offering.needsLink() ? samplePlatformLink() : link.getValue();
        String list = entries.isVisible() ? entries.getValue() : null;
        return new PlaceOrder.Line(offering.id(), entries.isVisible() ? null : qty, theLink, note.getValue(),
                runs.isVisible() ? runs.getValue() : null, interval.isVisible() && runs.getValue() != null ? interval.getValue() : null,
                offering.takesComments() ? list : null, offering.takesUsernames() ? list : null);
    }

    /** For pricing while the link is still being typed. */
    private String samplePlatformLink() {
        return switch (offering.platform()) {
            case TIKTOK -> "https://www.tiktok.com/";
            case INSTAGRAM -> "https://www.instagram.com/";
            case YOUTUBE -> "https://www.youtube.com/";
            case FACEBOOK -> "https://www.facebook.com/";
            case TELEGRAM -> "https://t.me/";
            case TWITTER -> "https://x.com/";
            case OTHER -> "https://example.com/";
        };
    }

    void orderNow() {
        try {
            Placement placement = orders.place(customerId, actor, new PlaceOrder(List.of(line(false)), "wallet", fulfilment.value()),
                    idempotencyKey);
            var ui = Optional.ofNullable(UI.getCurrent());
            onDone.run();
            Feedback.success(getTranslation("order.placed", placement.order().number()));
            ui.ifPresent(current -> current.navigate("orders/" + placement.order().id()));
        } catch (DomainException e) {
            showError(e);
        } finally {
            orderNow.setEnabled(true);
        }
    }

    void addToCart() {
        try {
            carts.add(customerId, orders.price(line(false), offering));
            onDone.run();
            Feedback.success(getTranslation("order.added-to-cart"));
        } catch (DomainException e) {
            showError(e);
        }
    }

    /** To the sign-in page, which sends the browser back here once signed in. */
    void signInAndComeBack() {
        UI ui = UI.getCurrent();
        String back = returnTo != null ? returnTo : ui.getActiveViewLocation().getPathWithQueryParameters();
        onDone.run();
        ui.navigate("login", QueryParameters.of(ReturnAddress.PARAMETER, back));
    }

    private void showError(DomainException e) {
        if (fulfilment.show(e)) {
            return;
        }
        switch (e.field() == null ? e.code() : e.field()) {
            case "quantity" -> Feedback.invalid(quantity, Feedback.message(this, e));
            case "link" -> Feedback.invalid(link, Feedback.message(this, e));
            case "note" -> Feedback.invalid(note, Feedback.message(this, e));
            case "runs" -> Feedback.invalid(runs, Feedback.message(this, e));
            case "interval" -> Feedback.invalid(interval, Feedback.message(this, e));
            case "comments", "usernames" -> Feedback.invalid(entries, Feedback.message(this, e));
            case "insufficient_balance" -> showBalanceProblem();
            default -> Feedback.error(Feedback.message(this, e));
        }
    }

    private void showBalanceProblem() {
        balanceProblem.removeAll();
        balanceProblem.add(new Span(getTranslation("error.insufficient_balance") + " "),
                new Anchor("wallet", getTranslation("order.top-up-later")));
        balanceProblem.setVisible(true);
    }
}
