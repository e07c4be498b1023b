package dev.ordino.ordering;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What providers charge for orders and what is left on their accounts, for staff's margins and
 * dashboard. Offered by the fulfilment module (which owns provider orders and rates) without
 * ordering depending on it.
 */
public interface ProviderCosts {

    /**
     * Provider cost per order in the store currency: the charge the provider reported, or the
     * mapped rate times the quantity while it has not. Orders no provider works on are absent.
     */
    Map<Long, BigDecimal> ofOrders(Collection<Long> orderIds);

    /** A configured provider's last known balance (in its own currency; null before the first check). */
    record Balance(long providerId, String name, boolean enabled, BigDecimal balance, String currency, boolean low) {
    }

    List<Balance> balances();
}
