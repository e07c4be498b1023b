package dev.ordino.plugin.api;

import java.math.BigDecimal;

/**
 * A service as a provider lists it.
 *
 * @param rate     provider's price per 1000 units, in the provider's currency
 * @param dripfeed whether the service takes {@code runs} and {@code interval}
 * @since 1.1.0 {@code dripfeed}
 */
public record ProviderService(String id, String name, String category, String type, BigDecimal rate,
                              long min, long max, boolean refill, boolean cancel, boolean dripfeed) {

    public ProviderService(String id, String name, String category, String type, BigDecimal rate,
                           long min, long max, boolean refill, boolean cancel) {
        this(id, name, category, type, rate, min, max, refill, cancel, false);
    }
}
