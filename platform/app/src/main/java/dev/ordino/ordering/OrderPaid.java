package dev.ordino.ordering;

import java.math.BigDecimal;

/** An order's payment arrived (wallet, gateway, or marked paid by staff). */
public record OrderPaid(long orderId, long customerId, BigDecimal amount, String method) {
}
