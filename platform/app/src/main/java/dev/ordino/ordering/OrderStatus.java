package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The order's progress, and the one state machine every change goes through. Payment is a
 * separate field ({@link PaymentStatus}).
 */
public enum OrderStatus {
    PENDING, CONFIRMED, PROCESSING, IN_PROGRESS, COMPLETED, PARTIAL, CANCELLED, REJECTED;

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(CONFIRMED, PROCESSING, COMPLETED, CANCELLED, REJECTED),
            CONFIRMED, EnumSet.of(PROCESSING, COMPLETED, CANCELLED),
            PROCESSING, EnumSet.of(IN_PROGRESS, COMPLETED, PARTIAL, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, PARTIAL, CANCELLED),
            COMPLETED, EnumSet.noneOf(OrderStatus.class),
            PARTIAL, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class));

    public boolean canMoveTo(OrderStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<OrderStatus> next() {
        return ALLOWED.get(this).isEmpty() ? Set.of() : EnumSet.copyOf(ALLOWED.get(this));
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Ends the order without delivering it: what is left of the payment goes back. */
    public boolean isRefunding() {
        return this == CANCELLED || this == REJECTED;
    }

    /** The lower-case name used in the API, the database and the seeds ("in_progress"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("invalid_status", "status",
                    "status must be one of pending, confirmed, processing, in_progress, completed, partial, cancelled, rejected");
        }
    }
}
