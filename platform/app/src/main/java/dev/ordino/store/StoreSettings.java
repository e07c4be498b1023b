package dev.ordino.store;

import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;

/** Store-wide settings staff edit in the back office. */
public record StoreSettings(String shopName, String contactPhone, String telegramLink, String defaultLanguage,
                            BigDecimal topUpMin, BigDecimal topUpMax, BigDecimal defaultMarkupPercent) {

    /** What a new store starts with: top-ups from 1 to 1,000 dollars' worth, in the currency's usual figures. */
    public static StoreSettings defaults(StoreCurrency currency) {
        return new StoreSettings("Ordino", "", "", "en", currency.roundFigure(BigDecimal.ONE),
                currency.roundFigure(new BigDecimal("1000")), new BigDecimal("20"));
    }
}
