package dev.ordino.base.live;

import dev.ordino.base.UtcTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The change feed in the shared database (decision 010): each change is a row of {@code live_change},
 * written in the transaction that makes the change. Every node reads the rows past the last one
 * it has seen once a second (one query on the primary key, on a daemon thread of its own and under no
 * job lock, since every node must read) and hands the other nodes' changes to its pages. Its own
 * changes it skips: its pages heard of them at the commit already. {@link LiveChangeCleanup}
 * deletes old rows.
 */
final class DatabaseChangeFeed implements ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(DatabaseChangeFeed.class);
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    /** Rows per read; a backlog past it is read on the next ticks. */
    static final int READ_AT_MOST = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;
    /** Tells this node's rows from the others'; new at every start, so nothing of a previous run is skipped. */
    private final String origin = UUID.randomUUID().toString();
    private ScheduledExecutorService poller;
    private FeedPosition position;
    private boolean failing;

    DatabaseChangeFeed(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    public void publish(Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var now = UtcTime.column(clock.instant());
        List<Object[]> rows = new ArrayList<>(changes.size());
        changes.forEach(change -> rows.add(new Object[]{change.topic(), change.id(), origin, now}));
        batches.batchUpdate("INSERT INTO live_change (topic, subject_id, origin, created_at) VALUES (?, ?, ?, ?)", rows);
    }

    @Override
    public synchronized void start(Consumer<Change> receiver) {
        if (poller != null) {
            return;
        }
        // Pages open from now on; what happened before they opened they read themselves.
        position = new FeedPosition(jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM live_change").query(Long.class).single());
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-change-feed").daemon().factory());
        long period = POLL_EVERY.toMillis();
        poller.scheduleWithFixedDelay(() -> poll(receiver), period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    /** One read of the feed: the rows past the last one seen, and those skipped over while uncommitted. */
    void poll(Consumer<Change> receiver) {
        try {
            List<Long> skipped = position.skipped();
            String sql = "SELECT id, topic, subject_id, origin FROM live_change WHERE id > :last"
                    + (skipped.isEmpty() ? "" : " OR id IN (:skipped)") + " ORDER BY id LIMIT " + READ_AT_MOST;
            var query = jdbc.sql(sql).param("last", position.last());
            if (!skipped.isEmpty()) {
                query = query.param("skipped", skipped);
            }
            var now = clock.instant();
            Set<Change> fromOthers = new LinkedHashSet<>();
            query.query(rs -> {
                position.read(rs.getLong(1), now);
                if (!origin.equals(rs.getString(4))) {
                    fromOthers.add(new Change(rs.getString(2), rs.getLong(3)));
                }
            });
            position.forget(now);
            fromOthers.forEach(receiver);
            if (failing) {
                log.info("Reading the live change feed works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Keep polling: the database may be back on the next tick. Said once, not every second.
            if (!failing) {
                log.warn("Could not read the live change feed: {}", e.getMessage());
                failing = true;
            }
        }
    }
}
