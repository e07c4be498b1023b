package dev.ordino.notification;

import dev.ordino.base.UtcTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the notification log to {@code ordino.notifications.log-keep} (90 days): sent and dead rows
 * untouched for longer go, once per period on one node. Pending and failed rows stay, whatever their
 * age: they are still owed to someone.
 */
@Component
class DeliveryLogCleanup {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogCleanup.class);
    private static final int DELETE_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    DeliveryLogCleanup(JdbcClient jdbc, Clock clock, @Value("${ordino.notifications.log-keep:P90D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    /** Deletes finished deliveries older than the keeping period, in batches so no lock is held long; answers how many went. */
    int removeOld() {
        LocalDateTime before = UtcTime.column(clock.instant().minus(keep));
        int removed = 0;
        int batch;
        do {
            // created_at finds them by its index; updated_at spares an old row staff resent lately.
            batch = jdbc.sql("DELETE FROM notification_delivery WHERE created_at < ? AND updated_at < ? AND state IN ("
                            + DeliveryState.SENT.sql() + ", " + DeliveryState.DEAD.sql() + ") LIMIT " + DELETE_BATCH)
                    .params(before, before).update();
            removed += batch;
        } while (batch == DELETE_BATCH);
        return removed;
    }

    @Scheduled(initialDelayString = "PT7M", fixedDelayString = "${ordino.notifications.log-clean-every:PT24H}")
    @SchedulerLock(name = "notification-log-clean", lockAtLeastFor = "${ordino.notifications.log-clean-every:PT24H}",
            lockAtMostFor = "${ordino.notifications.log-clean-every:PT24H}")
    void clean() {
        int removed = removeOld();
        if (removed > 0) {
            log.info("Removed {} notifications older than {}", removed, keep);
        }
    }
}
