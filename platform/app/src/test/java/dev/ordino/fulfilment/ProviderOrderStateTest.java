package dev.ordino.fulfilment;

import static dev.ordino.fulfilment.ProviderOrderState.ATTENTION;
import static dev.ordino.fulfilment.ProviderOrderState.CLOSED;
import static dev.ordino.fulfilment.ProviderOrderState.DONE;
import static dev.ordino.fulfilment.ProviderOrderState.OPEN;
import static dev.ordino.fulfilment.ProviderOrderState.QUEUED;
import static dev.ordino.fulfilment.ProviderOrderState.SUBMITTING;
import static dev.ordino.fulfilment.ProviderOrderState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.base.state.MachineWalk;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderOrderStateTest {

    @Test
    void aLineMovesOnlyAsDecision007Describes() {
        MachineWalk.walk(ProviderOrderState.class, Map.of(
                QUEUED, Set.of(SUBMITTING),
                SUBMITTING, Set.of(OPEN, QUEUED, ATTENTION, UNKNOWN, CLOSED),
                OPEN, Set.of(DONE, ATTENTION),
                UNKNOWN, Set.of(OPEN, QUEUED, ATTENTION, CLOSED),
                ATTENTION, Set.of(QUEUED, OPEN, CLOSED),
                DONE, Set.of(),
                CLOSED, Set.of()));
    }

    @Test
    void theDatabaseKeepsTheLowerCaseWords() {
        assertThat(ProviderOrderState.values()).extracting(ProviderOrderState::key)
                .containsExactly("queued", "submitting", "open", "unknown", "attention", "done", "closed");
        assertThat(QUEUED.from(UNKNOWN, ATTENTION)).isEqualTo("state IN ('unknown', 'attention')");
        assertThat(ProviderOrderState.in(ProviderOrderState.HANDED_ON))
                .isEqualTo("state IN ('submitting', 'open', 'unknown', 'attention', 'done')");
    }
}
