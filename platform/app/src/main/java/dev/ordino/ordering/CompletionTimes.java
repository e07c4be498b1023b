package dev.ordino.ordering;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long an offering really takes: from payment to {@code completed}, as the order timelines
 * recorded it, averaged over its most recent completed orders. Shown to visitors, so it reads
 * only figures, never who ordered.
 */
@Service
public class CompletionTimes {

    /** Recent orders say more about today's delivery than last year's. */
    static final int SAMPLE = 100;

    private final JdbcClient jdbc;

    CompletionTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The average, or empty when the offering has no completed order yet. */
    @Transactional(readOnly = true)
    public Optional<Duration> average(long offeringId) {
        List<Long> seconds = jdbc.sql("SELECT TIMESTAMPDIFF(SECOND, COALESCE(o.paid_at, o.created_at), t.at) FROM customer_order o "
                        + "JOIN order_timeline t ON t.order_id = o.id AND t.to_status = '" + OrderStatus.COMPLETED.key() + "' "
                        + "WHERE o.status = '" + OrderStatus.COMPLETED.key() + "' AND EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id AND i.offering_id = ?) "
                        + "ORDER BY t.at DESC LIMIT " + SAMPLE)
                .param(offeringId).query(Long.class).list();
        return seconds.isEmpty() ? Optional.empty()
                : Optional.of(Duration.ofSeconds(Math.round(seconds.stream().mapToLong(s -> Math.max(s, 0)).average().orElse(0))));
    }
}
