package dev.ordino.base.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers event publications that were never completed: the node died between the commit and
 * the listener, the listener failed, or a replay itself was cut short. A publication counts as
 * lost once it is older than {@code ordino.events.replay-after} and was not replayed within that
 * time; then one node claims it with a conditional {@code UPDATE} (only one node's update matches)
 * and hands it to Spring Modulith, which runs its listener and marks it completed. Runs on every
 * node every {@code ordino.events.replay-every}; listeners are idempotent, since a publication
 * that was merely slow may be delivered twice.
 */
@Component
public class PublicationReplay {

    private static final Logger log = LoggerFactory.getLogger(PublicationReplay.class);
    private static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final IncompleteEventPublications publications;
    private final Clock clock;
    private final Duration replayAfter;

    PublicationReplay(JdbcClient jdbc, IncompleteEventPublications publications, Clock clock,
                      @Value("${ordino.events.replay-after:PT2M}") Duration replayAfter) {
        this.jdbc = jdbc;
        this.publications = publications;
        this.clock = clock;
        this.replayAfter = replayAfter;
    }

    @Scheduled(initialDelayString = "PT15S", fixedDelayString = "${ordino.events.replay-every:PT30S}")
    void onSchedule() {
        int replayed = replayLost();
        if (replayed > 0) {
            log.info("Replayed {} unfinished event publication(s)", replayed);
        }
    }

    /** Claims and delivers the lost publications; answers how many this node claimed. */
    public int replayLost() {
        Instant now = clock.instant();
        Timestamp staleBefore = Timestamp.from(now.minus(replayAfter));
        List<String> candidates = jdbc.sql("SELECT ID FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL AND PUBLICATION_DATE < ? "
                        + "AND (LAST_RESUBMISSION_DATE IS NULL OR LAST_RESUBMISSION_DATE < ?) ORDER BY PUBLICATION_DATE LIMIT " + BATCH)
                .params(staleBefore, staleBefore).query(String.class).list();
        Set<UUID> claimed = new HashSet<>();
        for (String id : candidates) {
            // Status FAILED, so that Modulith's own resubmission (which skips RESUBMITTED rows) accepts it.
            int won = jdbc.sql("UPDATE EVENT_PUBLICATION SET STATUS = 'FAILED', LAST_RESUBMISSION_DATE = ? WHERE ID = ? "
                            + "AND COMPLETION_DATE IS NULL AND (LAST_RESUBMISSION_DATE IS NULL OR LAST_RESUBMISSION_DATE < ?)")
                    .params(Timestamp.from(now), id, staleBefore).update();
            if (won == 1) {
                claimed.add(UUID.fromString(id));
            }
        }
        if (!claimed.isEmpty()) {
            publications.resubmitIncompletePublications(publication -> claimed.contains(publication.getIdentifier()));
        }
        return claimed.size();
    }
}
