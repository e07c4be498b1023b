package dev.ordino.catalog;

import java.math.BigDecimal;

/** What staff edit on an offering; {@code id} is null for a new one. */
public record OfferingForm(Long id, Long categoryId, OfferingKind kind, String name, String description,
                           BigDecimal price, Integer pricePer, Long minQuantity, Long maxQuantity, String deliveryTime,
                           Integer refillDays, boolean cancelAllowed, Integer stock, String imageUrl, boolean active) {

    public static OfferingForm of(OfferingView offering) {
        return new OfferingForm(offering.id(), offering.categoryId(), offering.kind(), offering.name(),
                offering.description(), offering.price(), offering.pricePer(), offering.minQuantity(),
                offering.maxQuantity(), offering.deliveryTime(), offering.refillDays(), offering.cancelAllowed(),
                offering.stock(), offering.imageUrl(), offering.active());
    }
}
