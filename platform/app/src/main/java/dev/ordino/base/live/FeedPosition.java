package dev.ordino.base.live;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a node has read the change feed. Ids are handed out when a change is recorded, but
 * transactions commit in their own order: when id 11 is read, id 10 may still be uncommitted. So
 * besides the highest id read, the position keeps the ids it skipped over and asks for them again
 * until they turn up or are too old to be a transaction still running (a rolled-back transaction,
 * or a Galera cluster's interleaved ids, leave ids that never come).
 */
final class FeedPosition {

    /** Longer than any transaction that records a change should run (InnoDB's lock wait is 50 s). */
    static final Duration WAIT_FOR_SKIPPED = Duration.ofSeconds(60);
    /** Enough for a busy second; past it the oldest skipped ids are given up first. */
    static final int MAX_SKIPPED = 1000;

    private long last;
    private final Map<Long, Instant> skipped = new LinkedHashMap<>();

    FeedPosition(long last) {
        this.last = last;
    }

    long last() {
        return last;
    }

    /** Ids below {@link #last()} that were not there when read past, oldest first. */
    List<Long> skipped() {
        return List.copyOf(skipped.keySet());
    }

    /** Notes an id just read (ids of one read come in ascending order). */
    void read(long id, Instant now) {
        if (id <= last) {
            skipped.remove(id);
            return;
        }
        for (long missing = last + 1; missing < id && skipped.size() < MAX_SKIPPED * 2; missing++) {
            skipped.put(missing, now);
        }
        last = id;
    }

    /** Gives up on skipped ids older than {@link #WAIT_FOR_SKIPPED}, and on the oldest past {@link #MAX_SKIPPED}. */
    void forget(Instant now) {
        Instant cutoff = now.minus(WAIT_FOR_SKIPPED);
        var entries = skipped.entrySet().iterator();
        int excess = skipped.size() - MAX_SKIPPED;
        while (entries.hasNext()) {
            var entry = entries.next();
            if (excess-- > 0 || entry.getValue().isBefore(cutoff)) {
                entries.remove();
            } else {
                break; // in insertion order, so the rest are newer
            }
        }
    }
}
