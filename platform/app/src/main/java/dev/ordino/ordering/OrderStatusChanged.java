package dev.ordino.ordering;

/** An order moved from one status to another. */
public record OrderStatusChanged(long orderId, long customerId, OrderStatus from, OrderStatus to, String reason,
                                 String actor) {
}
