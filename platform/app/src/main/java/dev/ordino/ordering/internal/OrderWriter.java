package dev.ordino.ordering.internal;

import dev.ordino.base.UtcTime;
import dev.ordino.base.db.RowValues;
import dev.ordino.base.json.Json;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.OrderItemView;
import dev.ordino.ordering.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plain JDBC statements of orders: placing a new order, and the status sync's batches of
 * item and order updates. Both are hot paths that need none of what an entity brings (dirty
 * checking, a second update for the version). Rows are the same ones the entities read; the
 * rules for what may be written are {@link OrderBook}'s, the only caller of the batches.
 */
@Component
public class OrderWriter {

    private static final String TIMELINE = "INSERT INTO order_timeline (order_id, at, actor, from_status, to_status, note) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    OrderWriter(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Inserts a {@code pending}/{@code paid} order and answers its id; the number is {@code ORD-000042}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long insertPaidOrder(long customerId, String method, BigDecimal total, String currency, String idempotencyKey,
                                String requestHash, Instant now) {
        return insertOrder(customerId, method, total, true, currency, idempotencyKey, requestHash, now);
    }

    /** Inserts a {@code pending} order, paid already or waiting for its payment ({@code pending}, nothing paid). */
    @Transactional(propagation = Propagation.MANDATORY)
    public long insertOrder(long customerId, String method, BigDecimal total, boolean paid, String currency, String idempotencyKey,
                            String requestHash, Instant now) {
        long id = jdbc.sql("INSERT INTO customer_order (customer_id, status, payment_status, payment_method, total, paid_amount, "
                        + "refunded_amount, currency, idempotency_key, request_hash, handed_to_fulfilment, created_at, paid_at, "
                        + "updated_at, version) VALUES (?, 'pending', ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, ?, ?, 0) RETURNING id")
                .params(customerId, paid ? "paid" : "pending", method, total, paid ? total : BigDecimal.ZERO, currency,
                        idempotencyKey, requestHash, UtcTime.column(now), paid ? UtcTime.column(now) : null, UtcTime.column(now))
                .query(Long.class).single();
        jdbc.sql("UPDATE customer_order SET number = ? WHERE id = ?").params(number(id), id).update();
        return id;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public OrderItemView insertItem(long orderId, int position, long offeringId, OfferingKind kind, String name, long quantity,
                                    String link, String note, Map<String, String> extras, BigDecimal unitPrice,
                                    int pricePer, BigDecimal lineTotal) {
        long id = jdbc.sql("INSERT INTO order_item (order_id, position, offering_id, kind, name, quantity, link, note, extras, "
                        + "unit_price, price_per, line_total, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING id")
                .params(orderId, position, offeringId, kind.name(), name, quantity, link, note,
                        Json.writeMap(extras), unitPrice, pricePer, lineTotal)
                .query(Long.class).single();
        return new OrderItemView(id, offeringId, name, kind, quantity, link, note, extras, unitPrice, pricePer, lineTotal,
                OrderStatus.PENDING, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insertTimeline(long orderId, Instant at, String actor, OrderStatus from, OrderStatus to, String note) {
        jdbc.sql(TIMELINE).params(timelineRow(orderId, at, actor, from, to, note)).update();
    }

    /** Many timeline lines in one batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    void insertTimeline(List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.sql(TIMELINE).params(rows.getFirst()).update();
        } else if (!rows.isEmpty()) {
            batches.batchUpdate(TIMELINE, rows);
        }
    }

    static Object[] timelineRow(long orderId, Instant at, String actor, OrderStatus from, OrderStatus to, String note) {
        String text = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
        return new Object[]{orderId, UtcTime.column(at), actor, from == null ? null : from.key(), to.key(), text};
    }

    /** An order's status and customer, read under its lock. */
    record Locked(OrderStatus status, long customerId) {
    }

    /** Locks the orders in id order (as every change of an order does) and reads their status and customer. */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<Long, Locked> lock(Collection<Long> orderIds) {
        Map<Long, Locked> locked = new HashMap<>();
        jdbc.sql("SELECT id, status, customer_id FROM customer_order WHERE id IN (:ids) ORDER BY id FOR UPDATE")
                .param("ids", new TreeSet<>(orderIds))
                .query((rs, n) -> locked.put(rs.getLong(1), new Locked(OrderStatus.parse(rs.getString(2)), rs.getLong(3))))
                .list();
        return locked;
    }

    /**
     * Items' counts and statuses, one statement per few hundred rows: {@code [id, order_id, counted,
     * start_count, remains, status]}; counts are written only where {@code counted}, the status only where not null.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void updateItems(List<Object[]> rows) {
        RowValues.update(batches, "UPDATE order_item i JOIN %s v ON i.id = v.id AND i.order_id = v.order_id "
                        + "SET i.start_count = IF(v.counted, v.start_count, i.start_count), "
                        + "i.remains = IF(v.counted, v.remains, i.remains), i.status = COALESCE(v.status, i.status)",
                List.of("id", "order_id", "counted", "start_count", "remains", "status"), rows);
    }

    /** Orders' new statuses ({@code [id, status]}), handed to fulfilment, version counted as the entity would. */
    @Transactional(propagation = Propagation.MANDATORY)
    void updateStatuses(List<Object[]> rows, Instant now) {
        RowValues.update(batches, "UPDATE customer_order o JOIN %s v ON o.id = v.id SET o.status = v.status, "
                + "o.handed_to_fulfilment = 1, o.updated_at = ?, o.version = o.version + 1", List.of("id", "status"),
                rows, UtcTime.column(now));
    }

    /** Marks pending orders as handed to fulfilment, or releases them. */
    @Transactional(propagation = Propagation.MANDATORY)
    void handedOn(Collection<Long> orderIds, boolean handed) {
        jdbc.sql("UPDATE customer_order SET handed_to_fulfilment = :handed WHERE status = :pending AND id IN (:ids)")
                .param("handed", handed).param("pending", OrderStatus.PENDING.key()).param("ids", orderIds).update();
    }

    public static String number(long id) {
        return String.format("ORD-%06d", id);
    }
}
