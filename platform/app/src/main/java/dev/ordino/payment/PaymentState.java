package dev.ordino.payment;

import dev.ordino.base.state.MachineState;
import dev.ordino.base.state.Transitions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where money coming in through a gateway stands ({@code payment.status}). Paid only from pending
 * or failed (a late payment after a failure still counts), never twice and never downgraded;
 * failed (or expired, kept as failed with its reason) only from pending; refunds only once paid.
 */
enum PaymentState implements MachineState<PaymentState> {
    PENDING, PAID, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    private static final Transitions<PaymentState> MACHINE = Transitions.of(PaymentState.class, "status")
            .allow(PENDING, PAID, FAILED)
            .allow(FAILED, PAID)
            .allow(PAID, PARTIALLY_REFUNDED, REFUNDED)
            .allow(PARTIALLY_REFUNDED, PARTIALLY_REFUNDED, REFUNDED);

    @Override
    public Transitions<PaymentState> transitions() {
        return MACHINE;
    }

    static PaymentState parse(String value) {
        return MACHINE.parse(value);
    }

    /** Money was taken and not all of it went back: a refund may follow. */
    static final Set<PaymentState> REFUNDABLE = Arrays.stream(values()).filter(s -> s.canMoveTo(REFUNDED))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(PaymentState.class)));

    /** The SQL condition that a payment is in one of the states. */
    static String in(Set<PaymentState> states) {
        return MACHINE.in(states);
    }
}
