package dev.ordino.base.state;

import java.util.List;

/**
 * A state of a machine held in an enum: what the machine allows from here, and how the state is
 * stored. The enum only names its {@link Transitions}; the rest is the same for every machine.
 */
public interface MachineState<S extends Enum<S> & MachineState<S>> {

    /** The machine this state belongs to. */
    Transitions<S> transitions();

    default boolean canMoveTo(S next) {
        return transitions().allows(self(), next);
    }

    /** The state a move leads to; refused when the machine does not allow it. */
    default S moveTo(S next) {
        return transitions().move(self(), next);
    }

    default boolean isFinal() {
        return transitions().next(self()).isEmpty();
    }

    /** The lower-case name used in the database and the API. */
    default String key() {
        return Transitions.key(self());
    }

    /** {@link #key()} as an SQL string literal. */
    default String sql() {
        return Transitions.literal(self());
    }

    /** The SQL condition for a move into this state from {@code source}; refused when the machine does not allow it. */
    default String from(S source) {
        return transitions().guard(self(), List.of(source));
    }

    /** The SQL condition for a move into this state from either state; refused when the machine does not allow it. */
    default String from(S one, S other) {
        return transitions().guard(self(), List.of(one, other));
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
