package dev.ordino.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Map;

/**
 * What the provider that fulfils an offering charges, for staff's catalog editors. Offered by the
 * fulfilment module (which owns the mappings and rates) without the catalog depending on it.
 */
public interface OfferingCosts {

    /** The first provider's rate per 1000 in the store currency, and the quantities it takes. */
    record ProviderRate(String provider, BigDecimal ratePer1000, long minQuantity, long maxQuantity) {

        /** The provider's cost of what the offering's price buys ({@code pricePer} units). */
        public BigDecimal costPer(int pricePer) {
            return ratePer1000.multiply(BigDecimal.valueOf(pricePer)).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
        }
    }

    Map<Long, ProviderRate> rates(Collection<Long> offeringIds);
}
