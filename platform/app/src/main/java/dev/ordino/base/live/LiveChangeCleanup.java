package dev.ordino.base.live;

import dev.ordino.base.UtcTime;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes change feed rows nobody will read again: a node reads within seconds, so ten minutes is
 * plenty. Once per period across all nodes ({@code lockAtLeastFor} keeps the lock past the run).
 */
@Component
public class LiveChangeCleanup {

    static final Duration KEEP = Duration.ofMinutes(10);
    private static final int DELETE_AT_ONCE = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    LiveChangeCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    @SchedulerLock(name = "live-change-cleanup", lockAtLeastFor = "PT5M", lockAtMostFor = "PT5M")
    public void deleteOld() {
        var cutoff = UtcTime.column(clock.instant().minus(KEEP));
        // Through the index on created_at, so the delete locks only old rows, never the end of the
        // table where nodes insert new changes meanwhile; in slices, so no lock is held for long.
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM live_change WHERE created_at < ? LIMIT " + DELETE_AT_ONCE).param(cutoff).update();
        } while (deleted == DELETE_AT_ONCE);
    }
}
