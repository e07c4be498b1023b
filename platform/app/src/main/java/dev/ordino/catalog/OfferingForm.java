package dev.ordino.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * What staff edit on an offering; {@code id} is null for a new one. {@code packages},
 * {@code lowStockThreshold} and {@code whenOutOfStock} left null keep what the offering has.
 */
public record OfferingForm(Long id, Long categoryId, OfferingKind kind, String name, String description,
                           BigDecimal price, Integer pricePer, Long minQuantity, Long maxQuantity, String deliveryTime,
                           Integer refillDays, boolean cancelAllowed, Integer stock, String imageUrl, boolean active,
                           List<PackagePrice> packages, Integer lowStockThreshold, WhenOutOfStock whenOutOfStock) {

    /**
     * Declared first on purpose: a form's {@code Binder.writeRecord} builds the record with the
     * first declared constructor, which must be this canonical one taking every component.
     */
    public OfferingForm {
    }

    public OfferingForm(Long id, Long categoryId, OfferingKind kind, String name, String description,
                        BigDecimal price, Integer pricePer, Long minQuantity, Long maxQuantity, String deliveryTime,
                        Integer refillDays, boolean cancelAllowed, Integer stock, String imageUrl, boolean active) {
        this(id, categoryId, kind, name, description, price, pricePer, minQuantity, maxQuantity, deliveryTime, refillDays,
                cancelAllowed, stock, imageUrl, active, null, null, null);
    }

    public static OfferingForm of(OfferingView offering) {
        return new OfferingForm(offering.id(), offering.categoryId(), offering.kind(), offering.name(),
                offering.description(), offering.price(), offering.pricePer(), offering.minQuantity(),
                offering.maxQuantity(), offering.deliveryTime(), offering.refillDays(), offering.cancelAllowed(),
                offering.stock(), offering.imageUrl(), offering.active(), offering.packages(),
                offering.lowStockThreshold(), offering.whenOutOfStock());
    }
}
