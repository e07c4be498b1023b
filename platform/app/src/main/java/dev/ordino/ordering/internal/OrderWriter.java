package dev.ordino.ordering.internal;

import dev.ordino.base.UtcTime;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.ordering.OrderItemView;
import dev.ordino.ordering.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a new paid order with plain JDBC: placing is the hottest path, and it needs none of what
 * an entity brings (dirty checking, a second update for the version). Rows are the same ones the
 * entities read.
 */
@Component
public class OrderWriter {

    private final JdbcClient jdbc;

    OrderWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                                    String link, String note, java.util.Map<String, String> extras, BigDecimal unitPrice,
                                    int pricePer, BigDecimal lineTotal) {
        long id = jdbc.sql("INSERT INTO order_item (order_id, position, offering_id, kind, name, quantity, link, note, extras, "
                        + "unit_price, price_per, line_total, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING id")
                .params(orderId, position, offeringId, kind.name(), name, quantity, link, note,
                        dev.ordino.base.json.Json.writeMap(extras), unitPrice, pricePer, lineTotal)
                .query(Long.class).single();
        return new OrderItemView(id, offeringId, name, kind, quantity, link, note, extras, unitPrice, pricePer, lineTotal,
                OrderStatus.PENDING, null, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insertTimeline(long orderId, Instant at, String actor, OrderStatus from, OrderStatus to, String note) {
        String text = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
        jdbc.sql("INSERT INTO order_timeline (order_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)")
                .params(orderId, UtcTime.column(at), actor, from == null ? null : from.key(), to.key(), text).update();
    }

    public static String number(long id) {
        return String.format("ORD-%06d", id);
    }
}
