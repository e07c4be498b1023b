package dev.ordino.plugin.api;

import java.math.BigDecimal;

/**
 * A service as a provider lists it.
 *
 * @param rate provider's price per 1000 units, in the provider's currency
 */
public record ProviderService(String id, String name, String category, String type, BigDecimal rate,
                              long min, long max, boolean refill, boolean cancel) {
}
