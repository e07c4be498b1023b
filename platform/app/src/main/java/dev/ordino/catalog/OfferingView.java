package dev.ordino.catalog;

import java.math.BigDecimal;

/**
 * An offering as customers and other features see it. Line total = price × quantity / pricePer.
 *
 * @param stock units left for products; {@code null} when not counted
 */
public record OfferingView(long id, long categoryId, String categorySlug, String categoryName, Platform platform,
                           OfferingKind kind, String name, String description, BigDecimal price, int pricePer,
                           long minQuantity, long maxQuantity, String deliveryTime, int refillDays,
                           boolean cancelAllowed, Integer stock, String imageUrl, boolean active) {

    public boolean inStock() {
        return active && (stock == null || stock > 0);
    }

    public boolean needsLink() {
        return kind.isSmm();
    }
}
