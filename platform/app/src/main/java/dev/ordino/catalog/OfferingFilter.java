package dev.ordino.catalog;

/** Catalog search: all fields optional. */
public record OfferingFilter(String categorySlug, OfferingKind kind, String query, boolean includeInactive) {

    public static OfferingFilter all() {
        return new OfferingFilter(null, null, null, false);
    }
}
