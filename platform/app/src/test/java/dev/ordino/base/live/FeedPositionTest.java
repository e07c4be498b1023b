package dev.ordino.base.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading the feed past ids whose transactions have not committed yet. */
class FeedPositionTest {

    final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void idsSkippedOverAreAskedForAgainUntilTheyArrive() {
        FeedPosition position = new FeedPosition(10);
        position.read(11, now);
        position.read(14, now);
        assertThat(position.last()).isEqualTo(14);
        assertThat(position.skipped()).containsExactly(12L, 13L);

        position.read(13, now.plusSeconds(1));
        assertThat(position.skipped()).containsExactly(12L);
        assertThat(position.last()).isEqualTo(14);
    }

    @Test
    void skippedIdsThatNeverCommitAreGivenUpAfterAMinute() {
        FeedPosition position = new FeedPosition(0);
        position.read(3, now);
        position.read(6, now.plusSeconds(30));

        position.forget(now.plus(FeedPosition.WAIT_FOR_SKIPPED).plusSeconds(1));
        assertThat(position.skipped()).containsExactly(4L, 5L);
    }

    @Test
    void aFloodOfSkippedIdsKeepsOnlyTheNewest() {
        FeedPosition position = new FeedPosition(0);
        for (long id = 2; id <= 2 * FeedPosition.MAX_SKIPPED + 10; id += 2) {
            position.read(id, now.plus(Duration.ofMillis(id)));
        }
        position.forget(now.plusSeconds(5));
        assertThat(position.skipped()).hasSize(FeedPosition.MAX_SKIPPED).doesNotContain(1L).contains(2L * FeedPosition.MAX_SKIPPED + 9);
    }
}
