package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pure rules of sending and syncing, without a database. */
class ProviderRulesTest {

    @Test
    void aLineThatReachedNobodyWaits15SecondsDoublingUpTo30Minutes() {
        assertThat(ProviderSubmission.backoff(0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(ProviderSubmission.backoff(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(ProviderSubmission.backoff(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ProviderSubmission.backoff(3)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ProviderSubmission.backoff(7)).isEqualTo(Duration.ofSeconds(960));
        assertThat(ProviderSubmission.backoff(8)).isEqualTo(Duration.ofMinutes(30));
        assertThat(ProviderSubmission.backoff(50)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aPartialDeliveryGivesBackTheLineTotalTimesRemainsOverQuantityRoundedHalfUp() {
        assertThat(ProviderStatusSync.undeliveredShare(new BigDecimal("1.50"), 300, 100, 2)).isEqualByComparingTo("0.50");
        // 1.00 × 1 / 3 = 0.333… → 0.33; 2.00 × 1 / 8 = 0.25; 0.05 × 1 / 2 = 0.025 → 0.03 (half-up)
        assertThat(ProviderStatusSync.undeliveredShare(new BigDecimal("1.00"), 3, 1, 2)).isEqualByComparingTo("0.33");
        assertThat(ProviderStatusSync.undeliveredShare(new BigDecimal("0.05"), 2, 1, 2)).isEqualByComparingTo("0.03");
        assertThat(ProviderStatusSync.undeliveredShare(new BigDecimal("1000"), 3, 2, 0)).isEqualByComparingTo("667");
        // a provider reporting more remaining than was ordered gives back the line, never more
        assertThat(ProviderStatusSync.undeliveredShare(new BigDecimal("1.50"), 300, 900, 2)).isEqualByComparingTo("1.50");
    }

    @Test
    void aRefillEndsOnTheProvidersFinalWordsWhateverTheirCase() {
        assertThat(RefillState.of("Completed")).isEqualTo(RefillState.COMPLETED);
        assertThat(RefillState.of("cancelled")).isEqualTo(RefillState.CANCELED);
        assertThat(RefillState.of("Canceled")).isEqualTo(RefillState.CANCELED);
        assertThat(RefillState.of("FAIL")).isEqualTo(RefillState.FAILED);
        assertThat(RefillState.of("Error")).isEqualTo(RefillState.FAILED);
        assertThat(RefillState.of("Rejected")).isEqualTo(RefillState.REJECTED);
        assertThat(RefillState.of("In progress")).isEqualTo(RefillState.RUNNING);
        assertThat(RefillState.of("Pending")).isEqualTo(RefillState.RUNNING);
        assertThat(RefillState.running("r.status"))
                .isEqualTo("LOWER(r.status) NOT IN ('canceled', 'cancelled', 'completed', 'error', 'fail', 'rejected')");
    }

    @Test
    void aRunningRefillMayEndOrKeepRunningAndAnEndedOneNeverMoves() {
        for (RefillState from : RefillState.values()) {
            for (RefillState to : RefillState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(from == RefillState.RUNNING);
            }
            assertThat(from.isFinal()).isEqualTo(from != RefillState.RUNNING);
        }
    }
}
