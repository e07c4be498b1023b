package dev.ordino.notification;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.fulfilment.ProviderBalanceLow;
import dev.ordino.fulfilment.ProviderOrderNeedsAttention;
import dev.ordino.ordering.OrderFulfilment;
import dev.ordino.ordering.OrderPaid;
import dev.ordino.ordering.OrderPlaced;
import dev.ordino.ordering.OrderStatusChanged;
import dev.ordino.ordering.RefundIssued;
import dev.ordino.payment.PaymentFailed;
import dev.ordino.payment.PaymentReportedPaid;
import dev.ordino.payment.TopUpCredited;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns events into notifications to send ({@link Deliveries#record}): after the event's commit, from
 * Spring Modulith's event publication registry, in a transaction of its own; a crash before it
 * finished leaves the publication to be replayed, and a replay adds no row twice. Customers read
 * the shop's words only (the order's number and status, amounts); provider names, references and
 * errors reach staff alone. Nothing here calls a plugin: {@link DeliveryJob} sends.
 */
@Component
class NotificationRecorder {

    private static final Logger log = LoggerFactory.getLogger(NotificationRecorder.class);

    private final Deliveries deliveries;
    private final OrderFulfilment orders;
    private final StoreCurrency currency;

    NotificationRecorder(Deliveries deliveries, OrderFulfilment orders, StoreCurrency currency) {
        this.deliveries = deliveries;
        this.orders = orders;
        this.currency = currency;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        deliveries.record(new Notice(NotificationEvent.ORDER_PLACED, "order_placed:" + event.orderId(), event.customerId(),
                event.orderId(), event.number(), "pending", currency.display(event.total()), Integer.toString(event.items())));
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        deliveries.record(new Notice(NotificationEvent.ORDER_PAID, "order_paid:" + event.orderId(), event.customerId(),
                event.orderId(), number(event.orderId()), "paid", currency.display(event.amount()), ""));
    }

    /** The staff note ({@code reason}) and who moved it stay out: customers read the new status only. */
    @ApplicationModuleListener
    void on(OrderStatusChanged event) {
        String status = event.to().key();
        deliveries.record(new Notice(NotificationEvent.ORDER_STATUS_CHANGED, "order_status_changed:" + event.orderId() + ":" + status,
                event.customerId(), event.orderId(), number(event.orderId()), status, "", ""));
    }

    @ApplicationModuleListener
    void on(RefundIssued event) {
        deliveries.record(new Notice(NotificationEvent.REFUND_ISSUED, "refund_issued:" + event.reference(), event.customerId(),
                event.orderId(), number(event.orderId()), "", currency.display(event.amount()), ""));
    }

    @ApplicationModuleListener
    void on(TopUpCredited event) {
        deliveries.record(new Notice(NotificationEvent.TOPUP_CREDITED, "topup_credited:" + event.paymentId(), event.customerId(),
                null, "", "", currency.display(event.amount()), ""));
    }

    /** The gateway's reason is not passed on: the customer learns that it did not go through, staff read why on the payment. */
    @ApplicationModuleListener
    void on(PaymentFailed event) {
        deliveries.record(new Notice(NotificationEvent.PAYMENT_FAILED, "payment_failed:" + event.paymentId(), event.customerId(),
                event.orderId(), event.orderId() == null ? "" : number(event.orderId()), "", currency.display(event.amount()), ""));
    }

    @ApplicationModuleListener
    void on(PaymentReportedPaid event) {
        deliveries.record(new Notice(NotificationEvent.PAYMENT_REPORTED, "payment_reported:" + event.paymentId(), null, null,
                event.reference(), "", currency.display(event.amount()), event.gatewayName()));
    }

    /**
     * Raised by a job outside any transaction, so heard at once rather than after a commit: the rows
     * are written before the job goes on. A failure to record is logged, never the job's failure.
     */
    @EventListener
    void on(ProviderBalanceLow event) {
        staffOnly(new Notice(NotificationEvent.PROVIDER_BALANCE_LOW, "provider_balance_low:" + event.instanceId() + ":"
                + event.balance().stripTrailingZeros().toPlainString(), null, null, "", "", event.balance().toPlainString(),
                event.name() + " (< " + event.threshold().toPlainString() + ")"));
    }

    /** As for a low balance: heard at once, from the sending job. */
    @EventListener
    void on(ProviderOrderNeedsAttention event) {
        staffOnly(new Notice(NotificationEvent.PROVIDER_ATTENTION, "provider_attention:" + event.itemId(), null, event.orderId(),
                number(event.orderId()), "", "", event.reason()));
    }

    private void staffOnly(Notice notice) {
        try {
            deliveries.record(notice);
        } catch (RuntimeException e) {
            log.warn("Staff notification {} not recorded: {}", notice.id(), e.toString());
        }
    }

    private String number(long orderId) {
        return orders.numbers(List.of(orderId)).getOrDefault(orderId, "#" + orderId);
    }
}
