package dev.ordino.catalog;

import dev.ordino.base.DomainException;
import java.util.Locale;

/** What is sold: an SMM service, a staff-made custom service, a physical product, a digital code. */
public enum OfferingKind {
    SERVICE, CUSTOM, PRODUCT, DIGITAL;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Only SMM services are priced per batch of units and need a link. */
    public boolean isSmm() {
        return this == SERVICE;
    }

    public static OfferingKind parse(String value) {
        try {
            return value == null || value.isBlank() ? null : valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("invalid_type", "type",
                    "type must be one of service, custom, product, digital");
        }
    }
}
