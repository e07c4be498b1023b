package dev.ordino.catalog;

import java.util.List;

/**
 * A tile of the storefront: the SMM services of one social platform ("Instagram · 234 services"),
 * or one kind of other offering (products, digital goods, custom services), with the categories
 * inside it.
 *
 * @param key        what the storefront's address carries: the platform's key, or the kind's
 * @param platform   the platform of SMM services; {@code null} for the other kinds
 * @param kind       the kind of offering in the section
 * @param categories the active categories with offerings in the section; their counts are the section's offerings only
 */
public record CatalogSection(String key, Platform platform, OfferingKind kind, long count, List<CategorySummary> categories) {

    /** The filter for this section, optionally one of its categories and a search text. */
    public OfferingFilter filter(String categorySlug, String query) {
        return new OfferingFilter(categorySlug, kind, query, false, platform);
    }
}
