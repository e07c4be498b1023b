package dev.ordino.ordering.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.ordering.CheckoutPayments;
import dev.ordino.ordering.OrderItemView;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderUpdates;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.ProviderRequests;
import dev.ordino.ordering.TimelineEntry;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One of the customer's orders: items, totals, status timeline, live. When staff or a job
 * changes the order, the page changes without a reload (server push).
 */
@Route(value = "orders/:id", layout = MainLayout.class)
@PermitAll
public class OrderDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Div status = new Div();
    final Div items = new Div();
    final Span totals = new Span();
    final OrderedList timeline = new OrderedList();
    final Button cancel = new Button();

    private final OrderService orders;
    private final OrderUpdates updates;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private final DateTimeFormatter when = ReaderFormat.dateTimes(this, FormatStyle.MEDIUM);
    final StatusStepper stepper = new StatusStepper();
    private long orderId;
    private AutoCloseable subscription;

    final Button refill = new Button();
    final Button cancelRequest = new Button();
    final Span refillStatus = new Span();
    private final Optional<ProviderRequests> providerRequests;
    private final Optional<CheckoutPayments> checkoutPayments;
    final Div payNow = new Div();
    final HandoverCard handover;

    public OrderDetailView(OrderService orders, OrderUpdates updates, StoreCurrency currency, CurrentUser currentUser,
                           ObjectProvider<ProviderRequests> providerRequests,
                           ObjectProvider<CheckoutPayments> checkoutPayments, HandoverCard handover) {
        this.handover = handover;
        this.providerRequests = Optional.ofNullable(providerRequests.getIfAvailable());
        this.checkoutPayments = Optional.ofNullable(checkoutPayments.getIfAvailable());
        this.orders = orders;
        this.updates = updates;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassName("ordino-page");
        setPadding(false);
        status.setId("order-status");
        timeline.setId("order-timeline");
        cancel.setText(getTranslation("order-detail.cancel"));
        cancel.setId("cancel-order");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> confirmCancel());
        refill.setText(getTranslation("order.refill"));
        refill.setId("order-refill");
        refill.setDisableOnClick(true); // one refill request per click; the page re-renders after it
        refill.addClickListener(e -> providerRequest(() -> this.providerRequests.orElseThrow()
                .refill(currentUser.requireId(), orderId, currentUser.email().orElseThrow()), "order.refill-requested"));
        cancelRequest.setText(getTranslation("order.cancel-request"));
        cancelRequest.setId("order-cancel-request");
        cancelRequest.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancelRequest.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("order.cancel-request"),
                    getTranslation("order.cancel-request-confirm"), getTranslation("order.cancel-request"),
                    ok -> providerRequest(() -> this.providerRequests.orElseThrow()
                            .requestCancel(currentUser.requireId(), orderId, currentUser.email().orElseThrow()),
                            "order.cancel-requested"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.back"));
            confirm.open();
        });
        refillStatus.setId("order-refill-status");
        refillStatus.addClassName("ordino-muted");
        FlexLayout requests =
                new FlexLayout(refill, cancelRequest, refillStatus);
        requests.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        requests.getStyle().set("gap", "var(--lumo-space-s)");
        payNow.setId("order-pay-now");
        payNow.addClassName("ordino-card");
        items.setId("order-items");
        items.setWidthFull();
        addClassName("ordino-order-page");
        add(title, status, stepper, payNow, items, totals, handover, requests, new H3(getTranslation("order-detail.timeline")), timeline, cancel);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            orderId = Long.parseLong(id);
            render(orders.myOrder(currentUser.requireId(), orderId));
        } catch (NumberFormatException | DomainException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    void render(OrderView order) {
        title.setText(getTranslation("order-detail.title", order.number()));
        status.removeAll();
        status.add(StatusBadge.of(order.status()), new Span(" "), StatusBadge.of(order.paymentStatus()));
        stepper.show(order);
        items.removeAll();
        var codes = orders.myCodes(currentUser.requireId(), order.id());
        for (OrderItemView item : order.items()) {
            Div row = item(item, order.items().size() > 1);
            if (codes.containsKey(item.id())) {
                Pre delivered = new Pre(String.join("\n", codes.get(item.id())));
                delivered.addClassName("order-item-codes");
                row.add(new Div(getTranslation("order.codes")), delivered);
            }
            items.add(row);
        }
        totals.setText(getTranslation("order-detail.totals", Prices.amount(this, currency, order.total()),
                Prices.amount(this, currency, order.refundedAmount())));
        timeline.removeAll();
        for (TimelineEntry entry : orders.myTimeline(currentUser.requireId(), order.id())) {
            ListItem li = new ListItem(when.format(entry.at()) + " — " + getTranslation("order-status." + entry.to().key())
                    + (entry.note() == null ? "" : " · " + entry.note()));
            timeline.add(li);
        }
        cancel.setVisible(order.status() == OrderStatus.PENDING);
        payNow.removeAll();
        var pending = order.paymentStatus() == PaymentStatus.PENDING && order.status() == OrderStatus.PENDING
                ? checkoutPayments.flatMap(p -> p.forOrder(order.id())).filter(p -> p.status().equals("pending")) : Optional.<CheckoutPayments.Started>empty();
        pending.ifPresent(p -> {
            payNow.add(new Div(getTranslation("order.pay-pending")));
            if (p.redirectUrl() != null) {
                Anchor open = new Anchor(p.redirectUrl(),
                        getTranslation("topup.open-payment-page"));
                open.setId("order-pay-link");
                payNow.add(new Div(open));
            }
            if (p.qrString() != null) {
                payNow.add(new Div(getTranslation("topup.scan")), new Pre(p.qrString()));
            }
            if (p.instructions() != null) {
                Pre instructions = new Pre(p.instructions());
                instructions.getStyle().set("white-space", "pre-wrap");
                payNow.add(instructions);
            }
        });
        payNow.setVisible(pending.isPresent());
        ProviderRequests.Options options = providerRequests.map(p -> p.options(currentUser.requireId(), order.id()))
                .orElse(new ProviderRequests.Options(false, false, null));
        refill.setVisible(options.refill());
        cancelRequest.setVisible(options.cancel());
        refillStatus.setText(options.lastRefillStatus() == null ? "" : getTranslation("order.refill-status", options.lastRefillStatus()));
        handover.show(order);
    }

    /** One line of the order: what, for how much, its link (wrapped on phones), and how far it got. */
    private Div item(OrderItemView item, boolean ownStatus) {
        Span what = new Span(Prices.count(this, item.quantity()) + " × " + item.name());
        what.addClassName("ordino-item-name");
        Span amount = new Span(Prices.amount(this, currency, item.lineTotal()));
        Div top = new Div(what);
        if (ownStatus) {
            top.add(StatusBadge.of(item.status()));
        }
        top.add(amount);
        top.addClassName("ordino-row-top");
        Div row = new Div(top);
        if (item.link() != null) {
            Div link = new Div(item.link());
            link.addClassNames("ordino-muted", "ordino-wrap", "order-item-link");
            row.add(link);
        }
        if (item.remains() != null && item.quantity() > 0) {
            long delivered = Math.max(0, Math.min(item.quantity(), item.quantity() - item.remains()));
            ProgressBar progress = new ProgressBar(
                    0, item.quantity(), delivered);
            progress.addClassName("order-item-progress");
            progress.getElement().setAttribute("aria-label", getTranslation("order.delivered",
                    Prices.count(this, delivered), Prices.count(this, item.quantity())));
            Div label = new Div(getTranslation("order.delivered", Prices.count(this, delivered), Prices.count(this, item.quantity())));
            label.addClassName("ordino-muted");
            row.add(progress, label);
        }
        if (item.startCount() != null || item.remains() != null) {
            Div counts = new Div((item.startCount() == null ? "" : getTranslation("order.start-count", Prices.count(this, item.startCount())) + "  ")
                    + (item.remains() == null ? "" : getTranslation("order.remains", Prices.count(this, item.remains()))));
            counts.addClassNames("ordino-muted", "order-item-counts");
            row.add(counts);
        }
        row.addClassNames("ordino-card", "order-item");
        row.getElement().setAttribute("data-status", item.status().key());
        return row;
    }

    private void providerRequest(Runnable request, String doneKey) {
        try {
            request.run();
            Feedback.success(getTranslation(doneKey));
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
        refill.setEnabled(true);
        reload();
    }

    void reload() {
        render(orders.myOrder(currentUser.requireId(), orderId));
    }

    private void confirmCancel() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("order-detail.cancel-title"),
                getTranslation("order-detail.cancel-text"), getTranslation("order-detail.cancel-confirm"), e -> cancelOrder());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.back"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void cancelOrder() {
        try {
            render(orders.cancel(currentUser.requireId(), orderId, currentUser.email().orElseThrow()));
            Feedback.success(getTranslation("order-detail.cancelled"));
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
            reload();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        // Runs on a thread of its own; inside access() the session's signed-in user applies.
        subscription = updates.subscribe(orderId, id -> ui.access(this::reload));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // nothing to release
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.title") + " · " + getTranslation("app.name");
    }
}
