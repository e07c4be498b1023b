package dev.ordino.payment;

import dev.ordino.base.state.MachineState;
import dev.ordino.base.state.Transitions;

/**
 * A refund through a gateway ({@code payment_refund.state}): claimed {@code pending} before the
 * gateway is called, then {@code done}, or {@code failed} and taken again by a retry under the
 * same idempotency key.
 */
enum GatewayRefundState implements MachineState<GatewayRefundState> {
    PENDING, DONE, FAILED;

    private static final Transitions<GatewayRefundState> MACHINE = Transitions.of(GatewayRefundState.class, "state")
            .allow(PENDING, DONE, FAILED)
            .allow(FAILED, PENDING);

    @Override
    public Transitions<GatewayRefundState> transitions() {
        return MACHINE;
    }

    static GatewayRefundState parse(String value) {
        return MACHINE.parse(value);
    }
}
