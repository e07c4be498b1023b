package dev.ordino.fulfilment;

import java.math.BigDecimal;

/** A provider instance's balance fell below its threshold (raised once until it recovers). */
public record ProviderBalanceLow(long instanceId, String name, BigDecimal balance, BigDecimal threshold) {
}
