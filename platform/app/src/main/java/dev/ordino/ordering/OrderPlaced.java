package dev.ordino.ordering;

import java.math.BigDecimal;

/** A customer placed an order. */
public record OrderPlaced(long orderId, String number, long customerId, BigDecimal total, String currency, int items) {
}
