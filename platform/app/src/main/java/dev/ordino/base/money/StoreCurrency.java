package dev.ordino.base.money;

import dev.ordino.base.DomainException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The store's one currency ({@code ORDINO_CURRENCY}, default USD) and its rules: totals and
 * balances are rounded half-up to the currency's minor unit; unit prices keep up to 4 decimals.
 */
@Component
public class StoreCurrency {

    /** Unit prices (SMM rates per 1000 are tiny) keep this many decimals. */
    public static final int PRICE_SCALE = 4;

    /**
     * Rough units of a currency per US dollar. Only the magnitude matters: defaults (top-up range,
     * sample prices, demo conversion) should read naturally in the shop's currency. Unknown
     * currencies count as dollars.
     */
    private static final Map<String, String> PER_USD = Map.ofEntries(Map.entry("IDR", "16000"), Map.entry("VND", "25000"),
            Map.entry("NGN", "1500"), Map.entry("EUR", "0.92"), Map.entry("GBP", "0.79"), Map.entry("RUB", "90"),
            Map.entry("INR", "83"), Map.entry("BRL", "5.4"), Map.entry("TRY", "34"), Map.entry("PHP", "57"),
            Map.entry("MYR", "4.7"), Map.entry("THB", "36"), Map.entry("PKR", "280"), Map.entry("KZT", "480"),
            Map.entry("UAH", "41"), Map.entry("JPY", "150"), Map.entry("KRW", "1350"), Map.entry("BDT", "120"),
            Map.entry("EGP", "48"), Map.entry("MXN", "17"), Map.entry("ZAR", "18"));

    private final Currency currency;

    public StoreCurrency(@Value("${ordino.currency:USD}") String code) {
        try {
            this.currency = Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ORDINO_CURRENCY '" + code + "' is not an ISO 4217 currency code", e);
        }
    }

    public String code() {
        return currency.getCurrencyCode();
    }

    public int digits() {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /** Rough units of this currency per US dollar (1 when unknown). */
    public BigDecimal perUsd() {
        return new BigDecimal(PER_USD.getOrDefault(code(), "1"));
    }

    /**
     * A round dollar figure (a limit, a threshold) in this currency's usual magnitude: the dollar
     * amount times {@link #perUsd()} brought down to 1, 2 or 5 × 10ⁿ, so an IDR shop's top-up range is
     * 10,000–10,000,000 where a dollar shop's is 1–1,000. Currencies near the dollar keep the figure.
     */
    public BigDecimal roundFigure(BigDecimal usd) {
        BigDecimal rate = perUsd();
        BigDecimal step = BigDecimal.ONE;
        if (rate.compareTo(new BigDecimal("2")) >= 0) {
            BigDecimal power = BigDecimal.ONE.movePointRight(rate.precision() - rate.scale() - 1);
            BigDecimal leading = rate.divide(power, 0, RoundingMode.DOWN);
            step = power.multiply(leading.compareTo(BigDecimal.valueOf(5)) >= 0 ? BigDecimal.valueOf(5)
                    : leading.compareTo(BigDecimal.valueOf(2)) >= 0 ? BigDecimal.valueOf(2) : BigDecimal.ONE);
        }
        return round(usd.multiply(step));
    }

    /** A dollar price in this currency, kept to two significant digits (0.50 USD is 8,000 IDR); dollars stay as they are. */
    public BigDecimal priceFromUsd(BigDecimal usd) {
        if (perUsd().compareTo(BigDecimal.ONE) == 0) {
            return usd;
        }
        BigDecimal converted = usd.multiply(perUsd()).round(new MathContext(2, RoundingMode.HALF_UP));
        return converted.setScale(Math.max(Math.min(converted.scale(), PRICE_SCALE), digits()), RoundingMode.HALF_UP);
    }

    /** Rounds an amount to the currency's minor unit, half-up. */
    public BigDecimal round(BigDecimal amount) {
        return amount.setScale(digits(), RoundingMode.HALF_UP);
    }

    /** "5.00" for USD: totals and balances as the API and the UI show them. */
    public String format(BigDecimal amount) {
        return round(amount).toPlainString();
    }

    /** "5.00 USD". */
    public String display(BigDecimal amount) {
        return format(amount) + " " + code();
    }

    /**
     * An amount typed by a person or sent by a client. More decimals than the currency has
     * (after dropping trailing zeros) is refused rather than rounded away.
     *
     * @throws DomainException {@code invalid_amount}
     */
    public BigDecimal parse(BigDecimal amount, String field) {
        if (amount == null) {
            throw DomainException.badRequest("invalid_amount", field, "An amount is required");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits()) {
            throw DomainException.badRequest("invalid_amount", field,
                    "Use at most " + digits() + " decimals for " + code(), digits(), code());
        }
        if (stripped.abs().compareTo(new BigDecimal("1000000000")) >= 0) {
            throw DomainException.badRequest("invalid_amount", field, "The amount is too large");
        }
        return round(amount);
    }

    /** Unit price for display: as stored, at least the currency's digits ("0.0035", "0.50"). */
    public String formatPrice(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() <= digits() ? round(price).toPlainString() : stripped.toPlainString();
    }
}
