package dev.ordino.notification;

import dev.ordino.base.state.MachineState;
import dev.ordino.base.state.Transitions;

/**
 * Where one notification stands ({@code notification_delivery.state}): {@code pending} to be sent,
 * {@code sent}, {@code failed} (tried, retried with backoff) and {@code dead} (given up after the
 * retry window, or refused for good by its channel). Staff can send a sent or dead one again.
 */
public enum DeliveryState implements MachineState<DeliveryState> {
    PENDING, SENT, FAILED, DEAD;

    private static final Transitions<DeliveryState> MACHINE = Transitions.of(DeliveryState.class, "state")
            .allow(PENDING, SENT, FAILED, DEAD)
            .allow(FAILED, SENT, FAILED, DEAD, PENDING)
            .allow(SENT, PENDING)
            .allow(DEAD, PENDING);

    @Override
    public Transitions<DeliveryState> transitions() {
        return MACHINE;
    }

    public static DeliveryState parse(String value) {
        return MACHINE.parse(value);
    }
}
