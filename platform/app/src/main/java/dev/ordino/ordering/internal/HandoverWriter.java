package dev.ordino.ordering.internal;

import dev.ordino.base.UtcTime;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.ordering.HandoverStatus;
import dev.ordino.ordering.HandoverView;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code order_handover}. Every move names the state it leaves
 * ({@link HandoverStatus#from}), so of two staff clicks only the first moves the row. Callers
 * hold the order's row lock and change the order's own status through {@link OrderBook}.
 */
@Component
public class HandoverWriter {

    private static final String COLUMNS = "order_id, method, status, address, phone, pickup_time, delivery_fee, booking_code, ready_at";

    private final JdbcClient jdbc;

    HandoverWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long orderId, FulfilmentMethod method, String address, String phone, String pickupTime,
                       BigDecimal deliveryFee, Instant now) {
        jdbc.sql("INSERT INTO order_handover (order_id, method, status, address, phone, pickup_time, delivery_fee, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(orderId, method.key(), HandoverStatus.AWAITING.key(), address, phone, pickupTime, deliveryFee,
                        UtcTime.column(now))
                .update();
    }

    public Optional<HandoverView> find(long orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM order_handover WHERE order_id = ?").param(orderId)
                .query(HandoverWriter::row).optional();
    }

    public Optional<Long> orderWithCode(String code) {
        return jdbc.sql("SELECT order_id FROM order_handover WHERE booking_code = ?").param(code).query(Long.class).optional();
    }

    public boolean codeTaken(String code) {
        return orderWithCode(code).isPresent();
    }

    /** Gives the order its booking code, once: a second call leaves the first code. */
    public boolean issueCode(long orderId, String code, Instant now) {
        return jdbc.sql("UPDATE order_handover SET booking_code = ?, updated_at = ? WHERE order_id = ? AND booking_code IS NULL")
                .params(code, UtcTime.column(now), orderId).update() == 1;
    }

    /** Moves the row from {@code from} to {@code to}; false when it is no longer in {@code from}. */
    public boolean move(long orderId, HandoverStatus from, HandoverStatus to, Instant now) {
        LocalDateTime at = UtcTime.column(now);
        return jdbc.sql("UPDATE order_handover SET status = ?, updated_at = ?, ready_at = CASE WHEN ? THEN ? ELSE ready_at END "
                        + "WHERE order_id = ? AND " + to.from(from))
                .params(to.key(), at, to == HandoverStatus.READY, at, orderId).update() == 1;
    }

    /** Ready pickups nobody collected since before {@code readyBefore} and nobody was reminded of yet, oldest first. */
    public List<Long> uncollected(Instant readyBefore, int limit) {
        return jdbc.sql("SELECT order_id FROM order_handover WHERE status = ? AND ready_at < ? AND reminded_at IS NULL "
                        + "ORDER BY ready_at LIMIT ?")
                .params(HandoverStatus.READY.key(), UtcTime.column(readyBefore), limit).query(Long.class).list();
    }

    public void reminded(long orderId, Instant now) {
        jdbc.sql("UPDATE order_handover SET reminded_at = ? WHERE order_id = ?").params(UtcTime.column(now), orderId).update();
    }

    private static HandoverView row(ResultSet rs, int n) throws SQLException {
        LocalDateTime ready = rs.getObject(9, LocalDateTime.class);
        return new HandoverView(rs.getLong(1), FulfilmentMethod.parse(rs.getString(2)), HandoverStatus.parse(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                ready == null ? null : UtcTime.instant(ready));
    }
}
