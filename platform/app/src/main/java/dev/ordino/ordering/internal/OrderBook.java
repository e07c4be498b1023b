package dev.ordino.ordering.internal;

import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.CodeSupply;
import dev.ordino.ordering.OrderFulfilment;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of order and item status: the state machine check, the timeline entry, the
 * event (and with it the live update of open pages), and refunds to the wallet, for a single
 * order and for the status sync's batches alike. Callers hold the order's row lock.
 */
@Component
public class OrderBook {

    private final TimelineRepository timeline;
    private final OrderWriter writer;
    private final RefundRepository refunds;
    private final WalletService wallet;
    private final CatalogService catalog;
    private final CodeSupply codes;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderBook(TimelineRepository timeline, OrderWriter writer, RefundRepository refunds, WalletService wallet, CatalogService catalog,
              CodeSupply codes, StoreCurrency currency, ApplicationEventPublisher events, Clock clock) {
        this.codes = codes;
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
            if (order.getItems().stream().anyMatch(i -> i.getKind() == OfferingKind.DIGITAL)) {
                codes.release(order.getId());
            }
        }
        if (to == OrderStatus.PROCESSING || to == OrderStatus.IN_PROGRESS) {
            order.setHandedToFulfilment(true);
        }
        order.setStatus(to);
        if (items) {
            order.getItems().forEach(item -> item.setStatus(to));
        }
        order.setUpdatedAt(clock.instant());
        announce(List.of(new OrderStatusChanged(order.getId(), order.getCustomerId(), from, to, reason, actor)), clock.instant());
    }

    /**
     * An item moved on by itself (at its provider) and the order follows its items: to where they
     * stand together, through {@code processing} where needed. When the order cannot or need not
     * move, the note is still recorded on its timeline.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void moveItem(CustomerOrder order, OrderItem item, OrderStatus to, String note, String actor) {
        item.setStatus(to);
        OrderStatus from = order.getStatus();
        List<OrderStatus> path = from.stepsTo(OrderStatus.followingItems(order.getItems().stream().map(OrderItem::getStatus).toList()));
        if (path.isEmpty()) {
            record(order, from, from, note, actor);
        }
        for (OrderStatus step : path) {
            move(order, step, note, actor, false);
        }
    }

    /**
     * An item moved on by itself, with its money: {@code refund} (for {@code partial}) or the
     * item's line total (for {@code cancelled} or {@code rejected}) goes back to the wallet, once
     * per item and status, never above what is left unrefunded; then the order follows its items.
     * Answers whether anything changed: a repeat, or an item or order already final, changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean settleItem(CustomerOrder order, OrderItem item, OrderStatus to, BigDecimal refund, String note, String actor) {
        OrderStatus from = item.getStatus();
        if (from == to || from.isFinal() || order.getStatus().isFinal()) {
            return false;
        }
        BigDecimal owed = to == OrderStatus.CANCELLED || to == OrderStatus.REJECTED ? item.getLineTotal()
                : refund == null ? BigDecimal.ZERO : refund;
        owed = currency.round(owed);
        String key = "item:" + item.getId() + ":" + to.key();
        BigDecimal left = order.getPaidAmount().subtract(order.getRefundedAmount());
        BigDecimal amount = owed.min(left);
        if (amount.signum() > 0 && refunds.findByOrderIdAndIdempotencyKey(order.getId(), key).isEmpty()) {
            refund(order, amount, note, actor, key);
        }
        moveItem(order, item, to, note, actor);
        return true;
    }

    /**
     * What providers reported about many items, written at once for the status sync: start counts
     * and remains stored, and forward steps of single-item orders (processing, in progress,
     * completed). The orders are locked first, in id order, as every other change of an order
     * does, so this never deadlocks with them; steps the state machine does not allow from the
     * order's current status are skipped, and steps that move money (partial, cancelled) are for
     * {@link #moveItem}. Each item is written once, counts and status together; a few statements
     * per few hundred orders. Answers how many orders moved.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int advance(List<OrderFulfilment.Counts> counts, List<OrderFulfilment.Progress> steps, String actor) {
        Set<Long> orderIds = new TreeSet<>();
        counts.forEach(c -> orderIds.add(c.orderId()));
        steps.forEach(s -> orderIds.add(s.orderId()));
        Map<Long, OrderWriter.Locked> locked = writer.lock(orderIds);
        Map<Long, OrderStatus> status = new HashMap<>();
        locked.forEach((id, row) -> status.put(id, row.status()));
        // by id, so a later report of the same item or order wins, as it did row by row
        Map<Long, Object[]> itemRows = new LinkedHashMap<>();
        Map<Long, Object[]> orderRows = new LinkedHashMap<>();
        List<OrderStatusChanged> changes = new ArrayList<>();
        for (OrderFulfilment.Counts c : counts) {
            itemRows.put(c.itemId(), new Object[]{c.itemId(), c.orderId(), true, c.startCount(), c.remains(), null});
        }
        for (OrderFulfilment.Progress step : steps) {
            OrderStatus from = status.get(step.orderId());
            if (from == null || step.to().isRefunding() || step.to() == OrderStatus.PARTIAL) {
                continue;
            }
            List<OrderStatus> path = from.stepsTo(step.to());
            if (path.isEmpty()) {
                continue;
            }
            OrderStatus previous = from;
            for (OrderStatus next : path) {
                changes.add(new OrderStatusChanged(step.orderId(), locked.get(step.orderId()).customerId(), previous, next,
                        step.note(), actor));
                previous = next;
            }
            itemRows.computeIfAbsent(step.itemId(), id -> new Object[]{id, step.orderId(), false, null, null, null})[5] =
                    step.to().key();
            orderRows.put(step.orderId(), new Object[]{step.orderId(), step.to().key()});
            status.put(step.orderId(), step.to());
        }
        Instant now = clock.instant();
        writer.updateItems(List.copyOf(itemRows.values()));
        writer.updateStatuses(List.copyOf(orderRows.values()), now);
        announce(changes, now);
        return orderRows.size();
    }

    /** What every status change brings, wherever it is made: its timeline line and its event (which also updates open pages). */
    private void announce(List<OrderStatusChanged> changes, Instant at) {
        writer.insertTimeline(changes.stream()
                .map(c -> OrderWriter.timelineRow(c.orderId(), at, c.actor(), c.from(), c.to(), c.reason())).toList());
        changes.forEach(events::publishEvent);
    }

    /**
     * Marks pending orders as being sent to a provider (the customer can no longer cancel them
     * outright), or releases them again when nothing reached the provider.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handedOn(Collection<Long> orderIds, boolean handed) {
        if (!orderIds.isEmpty()) {
            writer.handedOn(orderIds, handed);
        }
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
