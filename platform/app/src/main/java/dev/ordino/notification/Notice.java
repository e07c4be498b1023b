package dev.ordino.notification;

/**
 * Something to tell people about, as the event that caused it says it: never a provider's name,
 * reference or error for customers (only {@code detail} of a staff-only event carries those).
 *
 * @param id         stable across replays of the same event, e.g. {@code order_paid:42}
 * @param customerId whom it concerns, or {@code null} for staff-only events
 * @param orderId    the order it is about, or {@code null}
 * @param number     the order's number, or empty
 * @param status     the order's status key ({@code completed}) or {@code paid}, or empty
 * @param amount     money already in the store's format, or empty
 * @param detail     anything else (items, a provider's name for staff), or empty
 */
record Notice(NotificationEvent event, String id, Long customerId, Long orderId, String number, String status, String amount,
              String detail) {

    String customerPath() {
        return orderId == null ? "/wallet" : "/orders/" + orderId;
    }

    String staffPath() {
        return switch (event) {
            case PROVIDER_BALANCE_LOW, PROVIDER_ATTENTION -> "/admin/providers";
            case PAYMENT_REPORTED, PAYMENT_FAILED, TOPUP_CREDITED -> "/admin/payments";
            default -> orderId == null ? "/admin" : "/admin/orders";
        };
    }
}
