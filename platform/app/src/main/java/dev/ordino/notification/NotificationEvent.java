package dev.ordino.notification;

import dev.ordino.base.DomainException;
import dev.ordino.plugin.api.NotificationChannel.RecipientKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a notification is about: the keys customers choose in their preferences and staff route per
 * channel instance. {@code codes_delivered} and {@code low_stock} are named now so preferences and
 * routing can hold them; digital goods raise them.
 */
public enum NotificationEvent {
    ORDER_PLACED(true, Set.of(RecipientKind.EMAIL)),
    ORDER_PAID(true, Set.of(RecipientKind.EMAIL)),
    /** By default e-mail only for a completed order (see {@link Deliveries}); Telegram for every change once linked. */
    ORDER_STATUS_CHANGED(true, Set.of(RecipientKind.EMAIL, RecipientKind.TELEGRAM)),
    REFUND_ISSUED(true, Set.of(RecipientKind.EMAIL)),
    TOPUP_CREDITED(true, Set.of()),
    PAYMENT_FAILED(true, Set.of()),
    PROVIDER_BALANCE_LOW(false, Set.of()),
    PROVIDER_ATTENTION(false, Set.of()),
    CODES_DELIVERED(true, Set.of(RecipientKind.EMAIL)),
    LOW_STOCK(false, Set.of()),
    /** A customer says a pending payment was sent (a bank transfer): staff check and confirm it. Staff only. */
    PAYMENT_REPORTED(false, Set.of());

    private final boolean forCustomers;
    private final Set<RecipientKind> customerDefault;

    NotificationEvent(boolean forCustomers, Set<RecipientKind> customerDefault) {
        this.forCustomers = forCustomers;
        this.customerDefault = customerDefault;
    }

    /** As stored, in preferences and in the API: {@code order_placed}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether customers hear about it (the others are for staff only). */
    public boolean forCustomers() {
        return forCustomers;
    }

    /** Where a customer who chose nothing hears about it. */
    public Set<RecipientKind> customerDefault() {
        return customerDefault;
    }

    public static List<NotificationEvent> customerEvents() {
        return Arrays.stream(values()).filter(NotificationEvent::forCustomers).toList();
    }

    /**
     * The event of a key.
     *
     * @throws DomainException 400 {@code unknown_event}
     */
    public static NotificationEvent of(String key, String field) {
        return Arrays.stream(values()).filter(e -> e.key().equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> DomainException.badRequest("unknown_event", field, "No such event: " + key, key));
    }
}
