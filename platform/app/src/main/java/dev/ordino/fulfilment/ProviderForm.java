package dev.ordino.fulfilment;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A provider instance to create or change. Left-out values take defaults: enabled, priority 10,
 * markup 50 %, the store's currency at rate 1. A secret setting left blank (or masked) on a
 * change keeps its stored value.
 */
public record ProviderForm(String name, String plugin, Map<String, String> settings, BigDecimal markupPercent,
                           Integer priority, Boolean enabled, BigDecimal lowBalanceThreshold, String currency,
                           BigDecimal conversionRate) {
}
