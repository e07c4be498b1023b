package dev.ordino.ordering;

/** A pickup became ready or a delivery was sent (the order's own status stays): the customer is told. */
public record HandoverMoved(long orderId, long customerId, HandoverStatus from, HandoverStatus to, String actor) {
}
