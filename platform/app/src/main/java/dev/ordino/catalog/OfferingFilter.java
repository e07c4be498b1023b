package dev.ordino.catalog;

/** Catalog search: all fields optional. {@code platform} narrows to categories of one social platform. */
public record OfferingFilter(String categorySlug, OfferingKind kind, String query, boolean includeInactive, Platform platform) {

    public OfferingFilter(String categorySlug, OfferingKind kind, String query, boolean includeInactive) {
        this(categorySlug, kind, query, includeInactive, null);
    }

    public static OfferingFilter all() {
        return new OfferingFilter(null, null, null, false);
    }
}
