package dev.ordino.fulfilment;

import dev.ordino.base.state.MachineState;
import dev.ordino.base.state.Transitions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a line stands with its provider ({@code provider_order.state}): {@code queued} to be sent,
 * {@code submitting} (claimed, the call may be out), {@code open} (the provider has it),
 * {@code done}; {@code unknown} (it may have reached the provider) and {@code attention} (every
 * provider refused, or a provider reports an error) wait for staff; {@code closed} is given up
 * without reaching a provider. Every update of the state names the states it moves from, checked here.
 */
public enum ProviderOrderState implements MachineState<ProviderOrderState> {
    QUEUED, SUBMITTING, OPEN, UNKNOWN, ATTENTION, DONE, CLOSED;

    private static final Transitions<ProviderOrderState> MACHINE = Transitions.of(ProviderOrderState.class, "state")
            .allow(QUEUED, SUBMITTING)
            // sent: accepted, nothing reached the provider (back to the queue or to the next provider),
            // refused by all, no clear answer (or the node died), or no longer wanted
            .allow(SUBMITTING, OPEN, QUEUED, ATTENTION, UNKNOWN, CLOSED)
            .allow(OPEN, DONE, ATTENTION)
            // a late answer settles an unknown outcome; staff resubmit, enter the provider's id, or refund
            .allow(UNKNOWN, OPEN, QUEUED, ATTENTION, CLOSED)
            .allow(ATTENTION, QUEUED, OPEN, CLOSED);

    /** States of a line that was handed to a provider, whatever became of it. */
    static final Set<ProviderOrderState> HANDED_ON = EnumSet.of(SUBMITTING, OPEN, UNKNOWN, ATTENTION, DONE);

    /** States staff work in the Providers view. */
    static final Set<ProviderOrderState> NEEDS_STAFF = EnumSet.of(UNKNOWN, ATTENTION);

    @Override
    public Transitions<ProviderOrderState> transitions() {
        return MACHINE;
    }

    static ProviderOrderState parse(String value) {
        return MACHINE.parse(value);
    }

    /** The SQL condition that a row is in one of the states. */
    static String in(Set<ProviderOrderState> states) {
        return MACHINE.in(states);
    }
}
