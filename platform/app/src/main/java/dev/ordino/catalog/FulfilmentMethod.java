package dev.ordino.catalog;

import dev.ordino.base.DomainException;
import java.util.Locale;

/** How a product reaches its buyer: collected at the store's pickup point, or delivered to an address. */
public enum FulfilmentMethod {
    PICKUP, DELIVERY;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws DomainException {@code invalid_fulfilment} (400) */
    public static FulfilmentMethod parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw DomainException.badRequest("invalid_fulfilment", "fulfilment", "fulfilment must be pickup or delivery");
        }
    }
}
