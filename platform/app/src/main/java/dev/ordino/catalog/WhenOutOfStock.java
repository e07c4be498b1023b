package dev.ordino.catalog;

import dev.ordino.base.DomainException;
import java.util.Locale;

/** What a paid line of a digital offering does when too few codes are left: wait for new stock, or be refunded. */
public enum WhenOutOfStock {
    WAIT, REFUND;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WhenOutOfStock parse(String value) {
        try {
            return value == null || value.isBlank() ? null : valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("invalid_when_out_of_stock", "whenOutOfStock",
                    "whenOutOfStock must be wait or refund");
        }
    }
}
