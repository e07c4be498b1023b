package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import java.util.Locale;

public enum PaymentStatus {
    PENDING, PAID, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentStatus parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("invalid_payment_status", "paymentStatus",
                    "paymentStatus must be one of pending, paid, failed, refunded, partially_refunded");
        }
    }
}
