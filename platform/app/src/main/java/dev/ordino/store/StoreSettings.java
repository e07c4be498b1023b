package dev.ordino.store;

import java.math.BigDecimal;

/** Store-wide settings staff edit in the back office. */
public record StoreSettings(String shopName, String contactPhone, String telegramLink, String defaultLanguage,
                            BigDecimal topUpMin, BigDecimal topUpMax, BigDecimal defaultMarkupPercent) {

    public static StoreSettings defaults() {
        return new StoreSettings("Ordino", "", "", "en", new BigDecimal("1.00"), new BigDecimal("1000.00"),
                new BigDecimal("20"));
    }
}
