package dev.ordino.catalog;

import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An offering as customers and other features see it. Line total = price × quantity / pricePer.
 *
 * @param stock       units left for products; {@code null} when not counted
 * @param serviceType the provider's service type for imported services ("Default", "Custom Comments", ...)
 * @param dripfeed    whether orders may be spread over runs with an interval
 * @param packages    the sizes a line may order, each with its own price, smallest first; empty when any
 *                    quantity from min to max is priced per unit
 * @param lowStockThreshold where {@code LowStock} is raised for a digital offering's available codes; null: never
 * @param whenOutOfStock what a paid line that finds too few codes does
 */
public record OfferingView(long id, long categoryId, String categorySlug, String categoryName, Platform platform,
                           OfferingKind kind, String name, String description, BigDecimal price, int pricePer,
                           long minQuantity, long maxQuantity, String deliveryTime, int refillDays,
                           boolean cancelAllowed, Integer stock, String imageUrl, boolean active,
                           String serviceType, boolean dripfeed, List<PackagePrice> packages,
                           Integer lowStockThreshold, WhenOutOfStock whenOutOfStock) {

    /** The package of this size, when the offering is sold in packages. */
    public Optional<PackagePrice> packageOf(long size) {
        return packages.stream().filter(p -> p.size() == size).findFirst();
    }

    /** Custom Comments services: one comment per line, the quantity is the number of lines. */
    public boolean takesComments() {
        return serviceType != null && serviceType.toLowerCase(Locale.ROOT).contains("comments")
                && !serviceType.toLowerCase(Locale.ROOT).contains("likes");
    }

    /** Mentions with a list of usernames. */
    public boolean takesUsernames() {
        return serviceType != null && serviceType.toLowerCase(Locale.ROOT).contains("mentions");
    }

    public boolean inStock() {
        return active && (stock == null || stock > 0);
    }

    /**
     * The price customers compare: SMM services per 1000 units whatever batch the rate is stored
     * for (4 decimals, half-up, as stored rates); everything else per unit or package as stored.
     */
    public BigDecimal displayPrice() {
        if (!kind.isSmm() || pricePer == SMM_DISPLAY_UNITS) {
            return price;
        }
        return price.multiply(BigDecimal.valueOf(SMM_DISPLAY_UNITS))
                .divide(BigDecimal.valueOf(pricePer), StoreCurrency.PRICE_SCALE,
                        RoundingMode.HALF_UP);
    }

    /**
     * The same offering at another price (a customer's price tier); package prices move in the same
     * proportion, so a tier's discount applies to packages too.
     */
    public OfferingView withPrice(BigDecimal newPrice) {
        List<PackagePrice> scaled = packages;
        if (!packages.isEmpty() && price.signum() > 0 && newPrice.compareTo(price) != 0) {
            scaled = packages.stream().map(p -> new PackagePrice(p.size(), p.price().multiply(newPrice)
                    .divide(price, StoreCurrency.PRICE_SCALE, RoundingMode.HALF_UP))).toList();
        }
        return new OfferingView(id, categoryId, categorySlug, categoryName, platform, kind, name, description, newPrice, pricePer,
                minQuantity, maxQuantity, deliveryTime, refillDays, cancelAllowed, stock, imageUrl, active, serviceType, dripfeed,
                scaled, lowStockThreshold, whenOutOfStock);
    }

    /** SMM prices are shown per this many units, as every SMM panel does. */
    public static final int SMM_DISPLAY_UNITS = 1000;

    /** The name as it reads in the offering's address ({@code /s/12-tiktok-followers}). */
    public String slug() {
        return CatalogService.slugOf(name, "offering");
    }

    public boolean needsLink() {
        return kind.isSmm();
    }
}
