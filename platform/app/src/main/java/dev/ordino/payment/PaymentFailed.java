package dev.ordino.payment;

import java.math.BigDecimal;

/** A payment failed or expired; {@code orderId} is null for a top-up. The gateway's reason stays with staff. */
public record PaymentFailed(long paymentId, long customerId, Long orderId, BigDecimal amount) {
}
