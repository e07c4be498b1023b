package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
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

    /** The steps from this status to another: direct, or through {@code processing}; empty when neither is allowed. */
    public List<OrderStatus> stepsTo(OrderStatus to) {
        if (this == to) {
            return List.of();
        }
        if (canMoveTo(to)) {
            return List.of(to);
        }
        if (canMoveTo(PROCESSING) && PROCESSING.canMoveTo(to)) {
            return List.of(PROCESSING, to);
        }
        return List.of();
    }

    /**
     * Where an order whose items are fulfilled one by one stands: at its least advanced open item
     * (at least {@code processing} once any item got that far), or, when every item has ended,
     * completed, cancelled (all refunded) or partial (a mix).
     */
    public static OrderStatus followingItems(List<OrderStatus> items) {
        boolean progressed = items.stream().anyMatch(s -> s.isFinal() || s.rank() >= PROCESSING.rank());
        OrderStatus lowestOpen = items.stream().filter(s -> !s.isFinal()).min(Comparator.comparingInt(OrderStatus::rank)).orElse(null);
        if (lowestOpen != null) {
            return progressed && lowestOpen.rank() < PROCESSING.rank() ? PROCESSING : lowestOpen;
        }
        if (items.stream().allMatch(s -> s == COMPLETED)) {
            return COMPLETED;
        }
        if (items.stream().allMatch(OrderStatus::isRefunding)) {
            return CANCELLED;
        }
        return PARTIAL;
    }

    /** How far along an open status is; every final status ranks last. */
    private int rank() {
        return switch (this) {
            case PENDING -> 0;
            case CONFIRMED -> 1;
            case PROCESSING -> 2;
            case IN_PROGRESS -> 3;
            default -> 4;
        };
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
