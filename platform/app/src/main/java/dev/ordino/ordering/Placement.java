package dev.ordino.ordering;

/** A placed order; {@code created} is false when an earlier request with the same idempotency key made it. */
public record Placement(OrderView order, boolean created, CheckoutPayments.Started payment) {

    public Placement(OrderView order, boolean created) {
        this(order, created, null);
    }
}
