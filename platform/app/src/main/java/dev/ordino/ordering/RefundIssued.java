package dev.ordino.ordering;

import java.math.BigDecimal;

/** Money went back to the customer's wallet for an order. */
public record RefundIssued(long orderId, long customerId, BigDecimal amount, String reference, String reason) {
}
