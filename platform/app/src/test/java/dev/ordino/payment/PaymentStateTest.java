package dev.ordino.payment;

import static dev.ordino.payment.PaymentState.FAILED;
import static dev.ordino.payment.PaymentState.PAID;
import static dev.ordino.payment.PaymentState.PARTIALLY_REFUNDED;
import static dev.ordino.payment.PaymentState.PENDING;
import static dev.ordino.payment.PaymentState.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.base.state.MachineWalk;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaymentStateTest {

    @Test
    void aPaymentIsPaidOnceNeverDowngradedAndRefundedOnlyOncePaid() {
        MachineWalk.walk(PaymentState.class, Map.of(
                PENDING, Set.of(PAID, FAILED),
                FAILED, Set.of(PAID),
                PAID, Set.of(PARTIALLY_REFUNDED, REFUNDED),
                PARTIALLY_REFUNDED, Set.of(PARTIALLY_REFUNDED, REFUNDED),
                REFUNDED, Set.of()));
        assertThat(PaymentState.REFUNDABLE).containsExactly(PAID, PARTIALLY_REFUNDED);
        assertThat(PaymentState.in(PaymentState.REFUNDABLE)).isEqualTo("status IN ('paid', 'partially_refunded')");
    }

    @Test
    void aGatewayRefundIsClaimedThenDoneOrFailedAndAFailedOneIsTakenAgain() {
        MachineWalk.walk(GatewayRefundState.class, Map.of(
                GatewayRefundState.PENDING, Set.of(GatewayRefundState.DONE, GatewayRefundState.FAILED),
                GatewayRefundState.FAILED, Set.of(GatewayRefundState.PENDING),
                GatewayRefundState.DONE, Set.of()));
    }
}
