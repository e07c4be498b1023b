package dev.ordino.ordering.internal;

import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.OrderItemView;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderStatusChanged;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.RefundIssued;
import dev.ordino.ordering.TimelineEntry;
import dev.ordino.wallet.LedgerType;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every change of an order shares: the state machine check, the timeline entry, the event,
 * and refunds to the wallet. Callers hold the order's row lock.
 */
@Component
public class OrderBook {

    private final TimelineRepository timeline;
    private final OrderWriter writer;
    private final RefundRepository refunds;
    private final WalletService wallet;
    private final CatalogService catalog;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderBook(TimelineRepository timeline, OrderWriter writer, RefundRepository refunds, WalletService wallet, CatalogService catalog,
              StoreCurrency currency, ApplicationEventPublisher events, Clock clock) {
        this.timeline = timeline;
        this.writer = writer;
        this.refunds = refunds;
        this.wallet = wallet;
        this.catalog = catalog;
        this.currency = currency;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves an order to a new status. Cancelling or rejecting a paid order refunds what is left
     * of it to the wallet and puts product stock back.
     *
     * @throws DomainException {@code illegal_transition} (409)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void transition(CustomerOrder order, OrderStatus to, String reason, String actor) {
        move(order, to, reason, actor, true);
    }

    /**
     * Moves the order but leaves its items' own statuses alone: for orders whose items are
     * fulfilled one by one (each by its provider), where the order follows its items.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void transitionFollowingItems(CustomerOrder order, OrderStatus to, String reason, String actor) {
        move(order, to, reason, actor, false);
    }

    private void move(CustomerOrder order, OrderStatus to, String reason, String actor, boolean items) {
        OrderStatus from = order.getStatus();
        if (!from.canMoveTo(to)) {
            throw DomainException.conflict("illegal_transition",
                    "An order that is " + from.key() + " cannot become " + to.key(), from.key(), to.key());
        }
        if (to.isRefunding()) {
            BigDecimal left = order.getPaidAmount().subtract(order.getRefundedAmount());
            if (left.signum() > 0) {
                refund(order, left, reason == null || reason.isBlank() ? "Order " + to.key() : reason, actor, null);
            }
            order.getItems().stream().filter(i -> i.getKind() == OfferingKind.PRODUCT)
                    .forEach(i -> catalog.returnStock(i.getOfferingId(), i.getQuantity()));
        }
        if (to == OrderStatus.PROCESSING || to == OrderStatus.IN_PROGRESS) {
            order.setHandedToFulfilment(true);
        }
        order.setStatus(to);
        if (items) {
            order.getItems().forEach(item -> item.setStatus(to));
        }
        order.setUpdatedAt(clock.instant());
        record(order, from, to, reason, actor);
        events.publishEvent(new OrderStatusChanged(order.getId(), order.getCustomerId(), from, to, reason, actor));
    }

    /**
     * Returns money to the customer's wallet as ledger entry {@code order:<id>:refund:<n>}.
     * Never more than was paid and not yet refunded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderRefund refund(CustomerOrder order, BigDecimal amount, String reason, String actor, String idempotencyKey) {
        return book(order, amount, reason, actor, idempotencyKey, true);
    }

    /** A refund paid back outside the wallet (through the payment gateway): booked on the order only. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OrderRefund refundOutsideWallet(CustomerOrder order, BigDecimal amount, String reason, String actor, String idempotencyKey) {
        return book(order, amount, reason, actor, idempotencyKey, false);
    }

    private OrderRefund book(CustomerOrder order, BigDecimal amount, String reason, String actor, String idempotencyKey,
                             boolean toWallet) {
        BigDecimal left = order.getPaidAmount().subtract(order.getRefundedAmount());
        if (amount.signum() <= 0) {
            throw DomainException.badRequest("invalid_amount", "amount", "A refund must be more than zero");
        }
        if (amount.compareTo(left) > 0) {
            throw DomainException.conflict("refund_exceeds_paid",
                    "At most " + currency.display(left) + " can still be refunded", currency.display(left));
        }
        int seq = (int) refunds.countByOrderId(order.getId()) + 1;
        String reference = "order:" + order.getId() + ":refund:" + seq;
        Instant now = clock.instant();
        OrderRefund refund = refunds.save(new OrderRefund(order.getId(), seq, amount, reason, idempotencyKey, actor, now));
        if (toWallet) {
            wallet.credit(order.getCustomerId(), amount, LedgerType.REFUND, reference,
                    "Refund for order " + order.getNumber() + (reason == null || reason.isBlank() ? "" : ": " + reason), actor);
        }
        order.setRefundedAmount(order.getRefundedAmount().add(amount));
        order.setPaymentStatus(order.getRefundedAmount().compareTo(order.getPaidAmount()) >= 0
                ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED);
        order.setUpdatedAt(now);
        writer.insertTimeline(order.getId(), now, actor, order.getStatus(), order.getStatus(),
                "Refunded " + currency.display(amount) + (toWallet ? " to the wallet" : " through the payment gateway") + (reason == null || reason.isBlank() ? "" : ": " + reason));
        events.publishEvent(new RefundIssued(order.getId(), order.getCustomerId(), amount, reference, reason));
        return refund;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CustomerOrder order, OrderStatus from, OrderStatus to, String note, String actor) {
        writer.insertTimeline(order.getId(), clock.instant(), actor, from, to, note);
    }

    public List<TimelineEntry> timeline(long orderId) {
        return timeline.findByOrderIdOrderByIdAsc(orderId).stream()
                .map(t -> new TimelineEntry(t.getAt(), t.getActor(), t.getFromStatus(), t.getToStatus(), t.getNote()))
                .toList();
    }

    public OrderView view(CustomerOrder order, String customerEmail) {
        List<OrderItemView> items = order.getItems().stream()
                .map(i -> new OrderItemView(i.getId(), i.getOfferingId(), i.getName(), i.getKind(), i.getQuantity(),
                        i.getLink(), i.getNote(), i.getExtras(), i.getUnitPrice(), i.getPricePer(), currency.round(i.getLineTotal()),
                        i.getStatus(), i.getStartCount(), i.getRemains()))
                .toList();
        return new OrderView(order.getId(), order.getNumber(), order.getCustomerId(), customerEmail, order.getStatus(),
                order.getPaymentStatus(), order.getPaymentMethod(), currency.round(order.getTotal()),
                currency.round(order.getPaidAmount()), currency.round(order.getRefundedAmount()), order.getCurrency(),
                order.getCreatedAt(), order.getPaidAt(), order.getUpdatedAt(), items);
    }
}
