package dev.ordino.ordering;

import java.time.Instant;

/** One change of an order: when, who, from, to, why. {@code from} is null for the first entry. */
public record TimelineEntry(Instant at, String actor, OrderStatus from, OrderStatus to, String note) {
}
