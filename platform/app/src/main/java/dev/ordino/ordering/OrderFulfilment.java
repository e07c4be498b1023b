package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderItem;
import dev.ordino.ordering.internal.OrderRepository;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.PessimisticLockingFailureException;
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
    private final OrderBook book;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    OrderFulfilment(OrderRepository orders, OrderBook book, JdbcClient jdbc,
                    PlatformTransactionManager transactions) {
        this.orders = orders;
        this.book = book;
        this.jdbc = jdbc;
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

    /** A paid SMM line still waiting to be handed to a provider. */
    public record WaitingLine(long orderId, long itemId, long offeringId) {
    }

    /**
     * Paid SMM lines still {@code pending} of open orders, in order and item order after the
     * given line, at most {@code limit}: what the provider sweep checks for a missing submission.
     */
    public List<WaitingLine> waitingLines(long afterOrderId, long afterItemId, int limit) {
        return jdbc.sql("SELECT o.id, it.id, it.offering_id FROM customer_order o JOIN order_item it ON it.order_id = o.id "
                        + "WHERE o.status IN (:open) AND o.payment_status = :paid AND it.status = :pending AND it.kind = :kind "
                        + "AND (o.id > :order OR (o.id = :order AND it.id > :item)) ORDER BY o.id, it.id LIMIT :limit")
                .param("open", List.of(OrderStatus.PENDING.key(), OrderStatus.PROCESSING.key(), OrderStatus.IN_PROGRESS.key()))
                .param("paid", PaymentStatus.PAID.key()).param("pending", OrderStatus.PENDING.key())
                .param("kind", OfferingKind.SERVICE.name()).param("order", afterOrderId).param("item", afterItemId)
                .param("limit", limit)
                .query((rs, n) -> new WaitingLine(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The orders' numbers ({@code ORD-000042}) by id; ids that are no order are left out. */
    public Map<Long, String> numbers(Collection<Long> orderIds) {
        Map<Long, String> numbers = new HashMap<>();
        if (!orderIds.isEmpty()) {
            jdbc.sql("SELECT id, number FROM customer_order WHERE id IN (:ids)").param("ids", orderIds)
                    .query((rs, n) -> numbers.put(rs.getLong(1), rs.getString(2))).list();
        }
        return numbers;
    }

    /** The items' quantities by item id, for what providers charge for them; ids that are no item are left out. */
    public Map<Long, Long> quantities(Collection<Long> itemIds) {
        Map<Long, Long> quantities = new HashMap<>();
        if (!itemIds.isEmpty()) {
            jdbc.sql("SELECT id, quantity FROM order_item WHERE id IN (:ids)").param("ids", itemIds)
                    .query((rs, n) -> quantities.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return quantities;
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
            } catch (PessimisticLockingFailureException e) {
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
            return book.settleItem(order, item, to, refund, note, actor);
        }));
    }

    /**
     * Marks pending orders as being sent to a provider (the customer can no longer cancel them
     * outright), or releases them again when nothing reached the provider.
     */
    public void handedOn(Collection<Long> orderIds, boolean handed) {
        if (orderIds.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> book.handedOn(orderIds, handed));
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
     * and forward steps of single-item orders (processing, in progress, completed); see
     * {@link OrderBook#advance}. Answers how many orders moved.
     */
    public int progressBatch(List<Counts> counts, List<Progress> steps, String actor) {
        if (counts.isEmpty() && steps.isEmpty()) {
            return 0;
        }
        Integer moved = transaction.execute(status -> book.advance(counts, steps, actor));
        return moved == null ? 0 : moved;
    }
}
