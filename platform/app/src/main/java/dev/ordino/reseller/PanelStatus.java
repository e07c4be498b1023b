package dev.ordino.reseller;

import dev.ordino.ordering.OrderStatus;

/** The order statuses as SMM panels name them. */
final class PanelStatus {

    private PanelStatus() {
    }

    static String of(OrderStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case CONFIRMED, PROCESSING -> "Processing";
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case PARTIAL -> "Partial";
            case CANCELLED, REJECTED -> "Canceled";
        };
    }
}
