package dev.ordino.base.money;

import dev.ordino.base.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
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
