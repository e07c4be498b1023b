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
            return floorPer(ratePer1000, pricePer);
        }
    }

    /** For staff: the rates they compare prices with. */
    Map<Long, ProviderRate> rates(Collection<Long> offeringIds);

    /**
     * For pricing any customer's order: per offering, the highest rate per 1000 (store currency) of
     * the providers it may be sent to, below which no discount may take its price. Offerings no
     * provider fulfils are absent.
     */
    Map<Long, BigDecimal> costFloorsPer1000(Collection<Long> offeringIds);

    /** A floor per 1000 as a floor for what the price buys ({@code pricePer} units). */
    static BigDecimal floorPer(BigDecimal per1000, int pricePer) {
        return per1000.multiply(BigDecimal.valueOf(pricePer)).divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
    }
}
