package dev.ordino.payment;

import java.math.BigDecimal;

/** A customer said they sent the money of a pending payment (a bank transfer, a QR payment): staff should look. */
public record PaymentReportedPaid(long paymentId, String reference, long customerId, BigDecimal amount, String gatewayName) {
}
