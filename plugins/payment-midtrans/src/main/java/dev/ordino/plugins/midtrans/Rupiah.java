package dev.ordino.plugins.midtrans;

import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import java.math.BigDecimal;

/** Midtrans takes amounts as whole rupiah. */
final class Rupiah {

    private Rupiah() {
    }

    /** The amount as whole rupiah; refuses fractions rather than rounding what the customer pays. */
    static long whole(BigDecimal amount) throws GatewayException {
        if (amount == null || amount.signum() <= 0) {
            throw new GatewayException("Midtrans needs a positive amount", false, null);
        }
        try {
            return amount.longValueExact();
        } catch (ArithmeticException e) {
            throw new GatewayException("Midtrans takes whole rupiah; " + amount.toPlainString() + " has a fraction",
                    false, null);
        }
    }
}
