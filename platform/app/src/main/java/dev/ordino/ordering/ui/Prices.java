package dev.ordino.ordering.ui;

import com.vaadin.flow.component.Component;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.ReaderFormat;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Money on the customer's pages, in the reader's locale ("1,234.50 USD", "1 234,50 USD") with the
 * store currency's rules: totals to its minor unit, unit prices as stored (up to 4 decimals). SMM
 * services read per 1000, products per unit, digital goods per package.
 */
final class Prices {

    private Prices() {
    }

    /** A total or balance. */
    static String amount(Component reader, StoreCurrency currency, BigDecimal amount) {
        return number(locale(reader), currency.round(amount)) + " " + currency.code();
    }

    /** A unit price: at least the currency's digits, more only when the price has them. */
    static String price(Component reader, StoreCurrency currency, BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        BigDecimal shown = stripped.scale() <= currency.digits() ? currency.round(price) : stripped;
        return number(locale(reader), shown) + " " + currency.code();
    }

    /** "0.50 USD per 1000", "25.00 USD per unit", "10.00 USD per package". */
    static String perUnit(Component reader, StoreCurrency currency, OfferingView offering) {
        String price = price(reader, currency, offering.displayPrice());
        return reader.getTranslation(unitKey(offering.kind()), price, OfferingView.SMM_DISPLAY_UNITS);
    }

    private static String unitKey(OfferingKind kind) {
        return switch (kind) {
            case SERVICE -> "price.per-thousand";
            case DIGITAL -> "price.per-package";
            case PRODUCT, CUSTOM -> "price.per-unit";
        };
    }

    /** A count in the reader's locale ("100,000"). */
    static String count(Component reader, long value) {
        return NumberFormat.getIntegerInstance(locale(reader)).format(value);
    }

    /** The reader's locale, as {@code Component.getLocale()} finds it (which is not public). */
    static Locale locale(Component reader) {
        return ReaderFormat.locale(reader);
    }

    private static String number(Locale locale, BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale == null ? Locale.ENGLISH : locale);
        int scale = Math.max(value.scale(), 0);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
