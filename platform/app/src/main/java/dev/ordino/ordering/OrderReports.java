package dev.ordino.ordering;

import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office's figures over the last days (UTC): orders and revenue per day, orders by
 * status, the best-selling offerings and the gross margin. Revenue is what customers paid minus
 * what was refunded; gross margin is revenue minus what the providers charge for those orders.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
public class OrderReports {

    private final JdbcClient jdbc;
    private final StoreCurrency currency;
    private final ObjectProvider<ProviderCosts> providerCosts;
    private final Clock clock;

    OrderReports(JdbcClient jdbc, StoreCurrency currency, ObjectProvider<ProviderCosts> providerCosts, Clock clock) {
        this.jdbc = jdbc;
        this.currency = currency;
        this.providerCosts = providerCosts;
        this.clock = clock;
    }

    /** One day: orders placed and revenue of those orders. */
    public record Day(LocalDate date, long orders, BigDecimal revenue) {
    }

    /** An offering's sales over the period. */
    public record TopOffering(String name, long orders, BigDecimal revenue) {
    }

    public record Figures(LocalDate from, LocalDate to, List<Day> days, Map<OrderStatus, Long> byStatus, long orders,
                          BigDecimal revenue, BigDecimal providerCost, BigDecimal grossMargin, List<TopOffering> topOfferings) {
    }

    /** The last {@code days} days up to and including today (UTC); days without orders are there with zeros. */
    @Transactional(readOnly = true)
    public Figures lastDays(int days) {
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(Math.max(1, days) - 1L);
        Instant since = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Object sinceColumn = UtcTime.column(since);

        Map<LocalDate, Day> perDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            perDay.put(d, new Day(d, 0, BigDecimal.ZERO));
        }
        jdbc.sql("SELECT DATE(created_at), COUNT(*), COALESCE(SUM(paid_amount - refunded_amount), 0) FROM customer_order "
                        + "WHERE created_at >= ? GROUP BY DATE(created_at)")
                .param(sinceColumn)
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getLong(2), currency.round(rs.getBigDecimal(3))))
                .list().forEach(day -> perDay.replace(day.date(), day));

        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM customer_order WHERE created_at >= ? GROUP BY status").param(sinceColumn)
                .query(rs -> { byStatus.put(OrderStatus.parse(rs.getString(1)), rs.getLong(2)); });

        List<TopOffering> top = jdbc.sql("SELECT i.name, COUNT(DISTINCT o.id), SUM(i.line_total) FROM order_item i "
                        + "JOIN customer_order o ON o.id = i.order_id WHERE o.created_at >= ? "
                        + "AND o.payment_status IN ('" + PaymentStatus.PAID.key() + "', '" + PaymentStatus.PARTIALLY_REFUNDED.key() + "') GROUP BY i.name ORDER BY SUM(i.line_total) DESC, i.name "
                        + "LIMIT 5")
                .param(sinceColumn)
                .query((rs, n) -> new TopOffering(rs.getString(1), rs.getLong(2), currency.round(rs.getBigDecimal(3)))).list();

        List<Long> earning = jdbc.sql("SELECT id FROM customer_order WHERE created_at >= ? AND paid_amount > refunded_amount")
                .param(sinceColumn).query(Long.class).list();
        BigDecimal cost = BigDecimal.ZERO;
        ProviderCosts costs = providerCosts.getIfAvailable();
        if (costs != null) {
            for (int i = 0; i < earning.size(); i += 1000) { // IN lists of a bounded size
                for (BigDecimal c : costs.ofOrders(earning.subList(i, Math.min(earning.size(), i + 1000))).values()) {
                    cost = cost.add(c);
                }
            }
        }
        List<Day> dayList = new ArrayList<>(perDay.values());
        BigDecimal revenue = dayList.stream().map(Day::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        long orders = dayList.stream().mapToLong(Day::orders).sum();
        return new Figures(from, to, dayList, byStatus, orders, revenue, currency.round(cost), currency.round(revenue.subtract(cost)),
                top);
    }
}
