package dev.ordino.base.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

/** Walks every pair of states of a machine: each allowed move is allowed, and every other one refused. */
public final class MachineWalk {

    private MachineWalk() {
    }

    public static <S extends Enum<S> & MachineState<S>> void walk(Class<S> type, Map<S, Set<S>> expected) {
        assertThat(expected.keySet()).as("every state of " + type.getSimpleName() + " is listed").containsExactlyInAnyOrder(type.getEnumConstants());
        for (S from : type.getEnumConstants()) {
            for (S to : type.getEnumConstants()) {
                boolean allowed = expected.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
                if (allowed) {
                    assertThat(from.moveTo(to)).isEqualTo(to);
                    assertThat(to.from(from)).isEqualTo(from.transitions().in(Set.of(from)));
                } else {
                    assertThatThrownBy(() -> from.moveTo(to)).as(from + " -> " + to).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining(from.key() + " cannot become " + to.key());
                    assertThatThrownBy(() -> to.from(from)).as("guard " + from + " -> " + to).isInstanceOf(IllegalStateException.class);
                }
            }
            assertThat(from.isFinal()).as(from + " is final").isEqualTo(expected.get(from).isEmpty());
            assertThat(from.transitions().parse(from.key())).isEqualTo(from);
        }
    }
}
