package dev.ordino.plugins.stripe;

import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Stripe amounts are integers in the currency's smallest unit, by Stripe's own list of decimals. */
final class MinorUnits {

    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    /** Three decimals in the API, but Stripe requires the last digit to be 0. */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /** Two decimals in the API, but whole units only. */
    private static final Set<String> WHOLE_UNITS_ONLY = Set.of("ISK");

    private MinorUnits() {
    }

    static long toMinor(BigDecimal amount, String currency) throws GatewayException {
        if (amount == null || amount.signum() <= 0) {
            throw new GatewayException("Stripe needs a positive amount", false, null);
        }
        String code = code(currency);
        int allowed = ZERO_DECIMAL.contains(code) || WHOLE_UNITS_ONLY.contains(code) ? 0 : 2;
        if (Math.max(amount.stripTrailingZeros().scale(), 0) > allowed) {
            throw new GatewayException("Stripe takes " + code + " amounts with at most " + allowed + " decimals, not "
                    + amount.toPlainString(), false, null);
        }
        try {
            return amount.movePointRight(exponent(code)).longValueExact();
        } catch (ArithmeticException e) {
            throw new GatewayException("Amount " + amount.toPlainString() + " is too large for Stripe", false, null);
        }
    }

    static BigDecimal fromMinor(long minor, String currency) {
        return BigDecimal.valueOf(minor, exponent(code(currency)));
    }

    private static int exponent(String code) {
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    private static String code(String currency) {
        return currency == null ? "" : currency.trim().toUpperCase(Locale.ROOT);
    }
}
