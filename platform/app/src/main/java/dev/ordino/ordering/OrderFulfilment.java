package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.db.RowValues;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderItem;
import dev.ordino.ordering.internal.OrderRepository;
import dev.ordino.ordering.internal.RefundRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fulfilment moves orders: item by item, as each provider reports, with the order
 * following its items. Refunds for undelivered units go to the wallet once per item and kind
 * (idempotency key {@code item:<id>:<status>}), never above what is left unrefunded.
 * Callers are jobs and services acting for the system, not users; access is checked where
 * they are called from.
 */
@Service
public class OrderFulfilment {

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final OrderBook book;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OrderFulfilment(OrderRepository orders, RefundRepository refunds, OrderBook book, StoreCurrency currency,
                    ApplicationEventPublisher events, JdbcClient jdbc, JdbcTemplate batches, Clock clock, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.refunds = refunds;
        this.book = book;
        this.currency = currency;
        this.events = events;
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** An SMM service line of a paid order, as fulfilment needs it. */
    public record ServiceItem(long orderId, long itemId, long customerId, long offeringId, long quantity, String link,
                              Map<String, String> extras, BigDecimal lineTotal, int itemCount, OrderStatus itemStatus,
                              PaymentStatus paymentStatus) {
    }

    /** The SMM service lines of an order. */
    @Transactional(readOnly = true)
    public List<ServiceItem> serviceItems(long orderId) {
        return orders.findById(orderId).map(order -> order.getItems().stream()
                .filter(item -> item.getKind() == OfferingKind.SERVICE)
                .map(item -> new ServiceItem(order.getId(), item.getId(), order.getCustomerId(), item.getOfferingId(),
                        item.getQuantity(), item.getLink(), item.getExtras(), item.getLineTotal(), order.getItems().size(),
                        item.getStatus(), order.getPaymentStatus()))
                .toList()).orElse(List.of());
    }

    /** The order an item belongs to and whose customer it is: [orderId, customerId]. */
    @Transactional(readOnly = true)
    public Optional<long[]> owner(long orderId) {
        return orders.findById(orderId).map(o -> new long[]{o.getId(), o.getCustomerId()});
    }

    /**
     * An item moved on at its provider. {@code refund} (for {@code partial}) or the item's line
     * total (for {@code cancelled}) goes back to the wallet, once. Answers whether anything
     * changed: a repeat, or an item or order already final, changes nothing.
     */
    public boolean itemProgress(long orderId, long itemId, OrderStatus to, BigDecimal refund, String note, String actor) {
        for (int attempt = 1; ; attempt++) {
            try {
                return progress(orderId, itemId, to, refund, note, actor);
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e; // a deadlock victim three times: the caller's next round tries again
                }
            }
        }
    }

    private boolean progress(long orderId, long itemId, OrderStatus to, BigDecimal refund, String note, String actor) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            CustomerOrder order = orders.lockById(orderId)
                    .orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
            OrderItem item = order.getItems().stream().filter(i -> i.getId() == itemId).findFirst()
                    .orElseThrow(() -> DomainException.notFound("order_not_found", "No such order item"));
            OrderStatus from = item.getStatus();
            if (from == to || from.isFinal() || order.getStatus().isFinal()) {
                return false;
            }
            BigDecimal owed = to == OrderStatus.CANCELLED || to == OrderStatus.REJECTED ? item.getLineTotal()
                    : refund == null ? BigDecimal.ZERO : refund;
            owed = currency.round(owed);
            String key = "item:" + itemId + ":" + to.key();
            BigDecimal left = order.getPaidAmount().subtract(order.getRefundedAmount());
            BigDecimal amount = owed.min(left);
            if (amount.signum() > 0 && refunds.findByOrderIdAndIdempotencyKey(orderId, key).isEmpty()) {
                book.refund(order, amount, note, actor, key);
            }
            item.setStatus(to);
            follow(order, note, actor);
            return true;
        }));
    }

    /**
     * Marks pending orders as being sent to a provider (the customer can no longer cancel them
     * outright), or releases them again when nothing reached the provider.
     */
    public void handedOn(java.util.Collection<Long> orderIds, boolean handed) {
        if (orderIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> jdbc.sql("UPDATE customer_order SET handed_to_fulfilment = :handed "
                        + "WHERE status = 'pending' AND id IN (:ids)")
                .param("handed", handed).param("ids", orderIds).update());
    }

    /** Records a line on the order's timeline without changing its status. */
    public void note(long orderId, String note, String actor) {
        transaction.executeWithoutResult(status -> {
            CustomerOrder order = orders.lockById(orderId)
                    .orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
            book.record(order, order.getStatus(), order.getStatus(), note, actor);
        });
    }

    /** One forward step of a single-item order with no money involved. */
    public record Progress(long orderId, long itemId, OrderStatus to, String note) {
    }

    /** What a provider reports about an item's delivery, shown to the customer. */
    public record Counts(long orderId, long itemId, Long startCount, Long remains) {
    }

    /**
     * What providers reported about many items, applied at once: start counts and remains stored,
     * and forward steps of single-item orders (processing, in progress, completed). The orders are
     * locked first, in id order, as every other change of an order does, so this never deadlocks
     * with them; steps the state machine does not allow from the order's current status are
     * skipped. Each item is written once, counts and status together. Answers how many orders moved.
     */
    public int progressBatch(List<Counts> counts, List<Progress> steps, String actor) {
        if (counts.isEmpty() && steps.isEmpty()) {
            return 0;
        }
        List<OrderStatusChanged> changed = new ArrayList<>();
        Integer moved = transaction.execute(status -> {
            Map<Long, Object[]> current = new HashMap<>();
            Set<Long> orderIds = new TreeSet<>();
            counts.forEach(c -> orderIds.add(c.orderId()));
            steps.forEach(s -> orderIds.add(s.orderId()));
            jdbc.sql("SELECT id, status, customer_id FROM customer_order WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                    .param("ids", orderIds)
                    .query((rs, n) -> current.put(rs.getLong(1), new Object[]{OrderStatus.parse(rs.getString(2)), rs.getLong(3)}))
                    .list();
            Instant now = clock.instant();
            // by id, so a later report of the same item or order wins, as it did row by row
            Map<Long, Object[]> itemRows = new LinkedHashMap<>();
            Map<Long, Object[]> orderRows = new LinkedHashMap<>();
            List<Object[]> timelineRows = new ArrayList<>();
            for (Counts c : counts) {
                itemRows.put(c.itemId(), new Object[]{c.itemId(), c.orderId(), true, c.startCount(), c.remains(), null});
            }
            for (Progress step : steps) {
                Object[] row = current.get(step.orderId());
                if (row == null) {
                    continue;
                }
                OrderStatus from = (OrderStatus) row[0];
                List<OrderStatus> path = path(from, step.to());
                if (path.isEmpty() || step.to().isRefunding() || step.to() == OrderStatus.PARTIAL) {
                    continue;
                }
                OrderStatus previous = from;
                for (OrderStatus next : path) {
                    timelineRows.add(new Object[]{step.orderId(), UtcTime.column(now), actor, previous.key(), next.key(), step.note()});
                    changed.add(new OrderStatusChanged(step.orderId(), (Long) row[1], previous, next, step.note(), actor));
                    previous = next;
                }
                itemRows.computeIfAbsent(step.itemId(), id -> new Object[]{id, step.orderId(), false, null, null, null})[5] =
                        step.to().key();
                orderRows.put(step.orderId(), new Object[]{step.orderId(), step.to().key()});
                row[0] = step.to();
            }
            RowValues.update(batches, "UPDATE order_item i JOIN %s v ON i.id = v.id AND i.order_id = v.order_id "
                            + "SET i.start_count = IF(v.counted, v.start_count, i.start_count), "
                            + "i.remains = IF(v.counted, v.remains, i.remains), i.status = COALESCE(v.status, i.status)",
                    List.of("id", "order_id", "counted", "start_count", "remains", "status"), List.copyOf(itemRows.values()));
            RowValues.update(batches, "UPDATE customer_order o JOIN %s v ON o.id = v.id SET o.status = v.status, "
                    + "o.handed_to_fulfilment = 1, o.updated_at = ?, o.version = o.version + 1", List.of("id", "status"),
                    List.copyOf(orderRows.values()), UtcTime.column(now));
            batch("INSERT INTO order_timeline (order_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)",
                    timelineRows);
            changed.forEach(events::publishEvent);
            return orderRows.size();
        });
        return moved == null ? 0 : moved;
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows);
        }
    }

    /** The order follows its items: the least advanced open item, or how the finished items ended. */
    private void follow(CustomerOrder order, String note, String actor) {
        OrderStatus target = aggregate(order.getItems().stream().map(OrderItem::getStatus).toList());
        OrderStatus from = order.getStatus();
        if (target == from) {
            book.record(order, from, from, note, actor);
            return;
        }
        List<OrderStatus> path = path(from, target);
        if (path.isEmpty()) {
            book.record(order, from, from, note, actor);
            return;
        }
        for (OrderStatus step : path) {
            book.transitionFollowingItems(order, step, note, actor);
        }
    }

    static OrderStatus aggregate(List<OrderStatus> items) {
        boolean progressed = items.stream().anyMatch(s -> s.isFinal() || rank(s) >= rank(OrderStatus.PROCESSING));
        OrderStatus lowestOpen = items.stream().filter(s -> !s.isFinal())
                .min((a, b) -> Integer.compare(rank(a), rank(b))).orElse(null);
        if (lowestOpen != null) {
            return progressed && rank(lowestOpen) < rank(OrderStatus.PROCESSING) ? OrderStatus.PROCESSING : lowestOpen;
        }
        if (items.stream().allMatch(s -> s == OrderStatus.COMPLETED)) {
            return OrderStatus.COMPLETED;
        }
        if (items.stream().allMatch(OrderStatus::isRefunding)) {
            return OrderStatus.CANCELLED;
        }
        return OrderStatus.PARTIAL;
    }

    private static int rank(OrderStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case CONFIRMED -> 1;
            case PROCESSING -> 2;
            case IN_PROGRESS -> 3;
            default -> 4;
        };
    }

    /** The steps from one status to another: direct, or through {@code processing}; empty when neither is allowed. */
    static List<OrderStatus> path(OrderStatus from, OrderStatus to) {
        if (from == to) {
            return List.of();
        }
        if (from.canMoveTo(to)) {
            return List.of(to);
        }
        if (from.canMoveTo(OrderStatus.PROCESSING) && OrderStatus.PROCESSING.canMoveTo(to)) {
            return List.of(OrderStatus.PROCESSING, to);
        }
        return List.of();
    }
}
