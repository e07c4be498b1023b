package dev.ordino.ordering.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.DeliveredCodes;
import dev.ordino.ordering.GatewayRefunds;
import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.TimelineEntry;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;

/** The selected order beside the grid: details, delivered codes (masked), timeline, status change, refund, mark paid. */
class OrderPanel extends VerticalLayout {

    final Select<OrderStatus> nextStatus = new Select<>();
    final TextField reason = new TextField();
    final Button changeStatus = new Button();
    final Button refund = new Button();
    final Button markPaid = new Button();
    final Div details = new Div();
    final OrderedList timeline = new OrderedList();

    private final OrderAdminService orders;
    private final StoreCurrency currency;
    private final String actor;
    private final Runnable changed;
    private final DateTimeFormatter when = ReaderFormat.dateTimes(this, FormatStyle.MEDIUM);
    private OrderView order;

    private final GatewayRefunds gatewayRefunds;
    private final Handovers handovers;
    final Div fulfilment = new Div();

    private final DeliveredCodes deliveredCodes;
    final Div codes = new Div();

    OrderPanel(OrderAdminService orders, StoreCurrency currency, String actor, Runnable changed,
               GatewayRefunds gatewayRefunds, Handovers handovers, DeliveredCodes deliveredCodes) {
        this.deliveredCodes = deliveredCodes;
        codes.setId("order-panel-codes");
        this.handovers = handovers;
        fulfilment.setId("order-panel-fulfilment");
        this.gatewayRefunds = gatewayRefunds;
        this.orders = orders;
        this.currency = currency;
        this.actor = actor;
        this.changed = changed;
        setId("order-panel");
        setWidthFull();
        nextStatus.setLabel(getTranslation("admin.orders.new-status"));
        nextStatus.setId("next-status");
        nextStatus.setItemLabelGenerator(s -> s == null ? "" : getTranslation("order-status." + s.key()));
        reason.setLabel(getTranslation("admin.orders.reason"));
        reason.setId("status-reason");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        changeStatus.setText(getTranslation("admin.orders.change-status"));
        changeStatus.setId("change-status");
        changeStatus.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        changeStatus.addClickListener(e -> changeStatus());
        refund.setText(getTranslation("admin.orders.refund"));
        refund.setId("refund");
        refund.addClickListener(e -> openRefund());
        markPaid.setText(getTranslation("admin.orders.mark-paid"));
        markPaid.setId("mark-paid");
        markPaid.addClickListener(e -> markPaid());
        add(new Span(getTranslation("admin.orders.pick")));
    }

    String actor() {
        return actor;
    }

    void show(long orderId) {
        order = orders.order(orderId);
        removeAll();
        details.removeAll();
        details.add(new H3(order.number() + " · " + order.customerEmail()));
        details.add(new Div(StatusBadge.of(order.status()), new Span(" "), StatusBadge.of(order.paymentStatus())));
        order.items().forEach(i -> details.add(new Div(i.quantity() + " × " + i.name() + " — " + currency.display(i.lineTotal())
                + (i.link() == null ? "" : " · " + i.link()) + (i.note() == null ? "" : " · " + i.note()))));
        details.add(new Div(getTranslation("admin.orders.money", currency.display(order.total()), currency.display(order.paidAmount()),
                currency.display(order.refundedAmount()))));
        timeline.removeAll();
        for (TimelineEntry t : orders.timeline(orderId)) {
            timeline.add(new ListItem(when.format(t.at()) + " · " + t.actor() + " · "
                    + (t.from() == null || t.from() == t.to() ? "" : getTranslation("order-status." + t.from().key()) + " → ")
                    + getTranslation("order-status." + t.to().key()) + (t.note() == null ? "" : " · " + t.note())));
        }
        nextStatus.setItems(order.status().next());
        nextStatus.setEnabled(!order.status().isFinal());
        changeStatus.setEnabled(!order.status().isFinal());
        reason.clear();
        refund.setEnabled(order.refundable().signum() > 0);
        markPaid.setVisible(order.paymentStatus() == PaymentStatus.PENDING || order.paymentStatus() == PaymentStatus.FAILED);
        showFulfilment();
        showCodes();
        add(details, codes, fulfilment, nextStatus, reason, new Div(changeStatus, new Span(" "), refund, new Span(" "), markPaid),
                new H3(getTranslation("order-detail.timeline")), timeline);
    }

    /** Codes sold to the order's digital lines, masked; each one revealed on request, which the audit log keeps. */
    private void showCodes() {
        codes.removeAll();
        boolean digital = deliveredCodes != null && order.items().stream().anyMatch(i -> i.kind() == OfferingKind.DIGITAL);
        List<DeliveredCodes.DeliveredCode> sold = digital ? deliveredCodes.ofOrder(order.id()) : List.of();
        codes.setVisible(!sold.isEmpty());
        if (!sold.isEmpty()) {
            codes.add(new H4(getTranslation("admin.orders.codes")));
        }
        for (DeliveredCodes.DeliveredCode code : sold) {
            Span text = new Span(code.masked() + (code.voided() ? " · " + getTranslation("admin.orders.code-void") : ""));
            text.setId("code-" + code.id());
            text.getStyle().set("font-family", "monospace").set("overflow-wrap", "anywhere");
            Button reveal = new Button(getTranslation("admin.stock.reveal"));
            reveal.setId("reveal-code-" + code.id());
            reveal.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            reveal.addClickListener(e -> {
                try {
                    text.setText(deliveredCodes.reveal(code.id(), actor));
                    reveal.setVisible(false);
                } catch (DomainException ex) {
                    Feedback.error(Feedback.message(this, ex));
                }
            });
            Div line = new Div(text, new Span(" "), reveal);
            line.addClassName("order-panel-code");
            codes.add(line);
        }
    }

    /** Pickup or delivery: where to, how far it got, and the next step as one button each. */
    private void showFulfilment() {
        fulfilment.removeAll();
        var found = handovers.of(order.id());
        fulfilment.setVisible(found.isPresent());
        found.ifPresent(h -> {
            fulfilment.add(new Div(getTranslation(h.method() == FulfilmentMethod.PICKUP ? "order.pickup" : "order.delivery")
                    + " · " + getTranslation("handover-status." + h.status().key())));
            if (h.method() == FulfilmentMethod.DELIVERY) {
                Div address = new Div(h.address() + " · " + h.phone() + " · " + currency.display(h.deliveryFee()));
                address.setId("order-panel-address");
                fulfilment.add(address);
            } else if (h.pickupTime() != null) {
                fulfilment.add(new Div(getTranslation("order.pickup-time", h.pickupTime())));
            }
            if (order.status() == OrderStatus.PENDING) {
                fulfilment.add(step("accept", () -> handovers.accept(order.id(), actor)),
                        step("reject", () -> handovers.reject(order.id(), reason.getValue(), actor)));
            } else if (order.status() == OrderStatus.CONFIRMED) {
                switch (h.status()) {
                    case AWAITING -> fulfilment.add(h.method() == FulfilmentMethod.PICKUP
                            ? step("ready", () -> handovers.ready(order.id(), actor))
                            : step("sent", () -> handovers.sent(order.id(), actor)));
                    case SENT -> fulfilment.add(step("delivered", () -> handovers.delivered(order.id(), actor)));
                    default -> { }
                }
            }
        });
    }

    private Button step(String name, Runnable action) {
        Button button = new Button(getTranslation("admin.handover." + name));
        button.setId("handover-" + name);
        button.setDisableOnClick(true);
        button.addClickListener(e -> {
            try {
                action.run();
                done("admin.orders.status-changed");
            } catch (DomainException ex) {
                fail(ex);
            }
        });
        return button;
    }

    void changeStatus() {
        if (nextStatus.getValue() == null) {
            Feedback.invalid(nextStatus, getTranslation("error.invalid_status"));
            return;
        }
        try {
            orders.changeStatus(order.id(), nextStatus.getValue(), reason.getValue(), actor);
            done("admin.orders.status-changed");
        } catch (DomainException e) {
            fail(e);
        }
    }

    void markPaid() {
        try {
            orders.markPaid(order.id(), actor);
            done("admin.orders.marked-paid");
        } catch (DomainException e) {
            fail(e);
        }
    }

    RefundDialog openRefund() {
        RefundDialog dialog = new RefundDialog();
        dialog.open();
        return dialog;
    }

    /**
     * Refund to the wallet, or back through the gateway that took the money, full or partial; one
     * idempotency key per opening, so a double click pays once.
     */
    class RefundDialog extends Dialog {
        final BigDecimalField amount = new BigDecimalField();
        final TextField why = new TextField();
        final RadioButtonGroup<String> to =
                new RadioButtonGroup<>();
        final Button confirm = new Button();
        private final String key = UUID.randomUUID().toString();

        RefundDialog() {
            setHeaderTitle(getTranslation("admin.orders.refund-title", order.number()));
            amount.setLabel(getTranslation("admin.orders.refund-amount", currency.display(order.refundable())));
            amount.setValue(order.refundable());
            amount.setId("refund-amount");
            why.setLabel(getTranslation("admin.orders.reason"));
            why.setId("refund-reason");
            confirm.setText(getTranslation("admin.orders.refund"));
            confirm.setId("refund-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> submit());
            to.setLabel(getTranslation("admin.orders.refund-to"));
            to.setId("refund-to");
            to.setItems("wallet", "gateway");
            to.setItemLabelGenerator(target -> getTranslation("admin.orders.refund-to." + target));
            to.setValue("wallet");
            to.setVisible(gatewayRefunds != null && order.paymentMethod() != null && order.paymentMethod().startsWith("gateway:"));
            add(new VerticalLayout(amount, why, to));
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
        }

        void submit() {
            try {
                if ("gateway".equals(to.getValue()) && to.isVisible()) {
                    gatewayRefunds.refund(order.id(), amount.getValue(), why.getValue(), actor, key);
                } else {
                    orders.refund(order.id(), amount.getValue(), why.getValue(), actor, key);
                }
                close();
                done("admin.orders.refunded");
            } catch (DomainException e) {
                Feedback.invalid(amount, Feedback.message(this, e));
            }
        }
    }

    private void done(String key) {
        Feedback.success(getTranslation(key));
        changed.run();
        show(order.id());
    }

    private void fail(DomainException e) {
        Feedback.error(Feedback.message(this, e));
        show(order.id());
    }
}
