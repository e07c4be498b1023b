package dev.ordino.ordering;

import dev.ordino.base.state.MachineState;
import dev.ordino.base.state.Transitions;
import dev.ordino.catalog.FulfilmentMethod;

/**
 * Where a pickup or delivery stands ({@code order_handover.status}), beside the order's own status:
 * pickup {@code awaiting → ready → handed_over}, delivery {@code awaiting → sent → delivered}.
 * Handing over and delivering complete the order.
 */
public enum HandoverStatus implements MachineState<HandoverStatus> {
    AWAITING, READY, HANDED_OVER, SENT, DELIVERED;

    private static final Transitions<HandoverStatus> MACHINE = Transitions.of(HandoverStatus.class, "status")
            .allow(AWAITING, READY, SENT)
            .allow(READY, HANDED_OVER)
            .allow(SENT, DELIVERED);

    @Override
    public Transitions<HandoverStatus> transitions() {
        return MACHINE;
    }

    /** Whether a pickup or a delivery passes through this state. */
    public boolean belongsTo(FulfilmentMethod method) {
        return switch (this) {
            case AWAITING -> true;
            case READY, HANDED_OVER -> method == FulfilmentMethod.PICKUP;
            case SENT, DELIVERED -> method == FulfilmentMethod.DELIVERY;
        };
    }

    /** Reaching this state completes the order. */
    public boolean completesOrder() {
        return this == HANDED_OVER || this == DELIVERED;
    }

    public static HandoverStatus parse(String value) {
        return MACHINE.parse(value);
    }
}
