package dev.ordino.payment;

import java.math.BigDecimal;

/** A top-up's money arrived and is in the customer's wallet. */
public record TopUpCredited(long paymentId, long customerId, BigDecimal amount) {
}
