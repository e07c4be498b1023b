package dev.ordino.fulfilment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A configured provider instance as staff see it. Secret settings are masked.
 *
 * @param conversionRate store-currency units per one unit of the provider's currency
 */
public record ProviderView(long id, String name, String plugin, String extension, Map<String, String> settings,
                           boolean enabled, int priority, BigDecimal markupPercent, BigDecimal lowBalanceThreshold,
                           String currency, BigDecimal conversionRate, BigDecimal balance, String balanceCurrency,
                           Instant balanceAt, String health, String lastError, Instant servicesSyncedAt,
                           Instant ordersSyncedAt) {

    public boolean lowBalance() {
        return balance != null && lowBalanceThreshold != null && balance.compareTo(lowBalanceThreshold) < 0;
    }
}
