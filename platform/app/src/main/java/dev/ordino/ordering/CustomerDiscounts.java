package dev.ordino.ordering;

import java.math.BigDecimal;

/**
 * A customer's price tier (discount in percent, 0 for none), offered by the reseller module, which
 * keeps the tiers, without ordering depending on it.
 */
public interface CustomerDiscounts {

    BigDecimal discountPercent(long customerId);
}
