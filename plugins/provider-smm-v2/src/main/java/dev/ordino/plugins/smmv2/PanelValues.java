package dev.ordino.plugins.smmv2;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Reads JSON values the way panels send them: numbers as numbers or as strings ("0.90", "100"),
 * flags as booleans, 0/1 or "0"/"1". Absent, blank or malformed values read as {@code null}.
 */
final class PanelValues {

    private PanelValues() {
    }

    /** An id such as an order or service number: text as given, whole numbers without decimals. */
    static String id(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.trim();
        }
        if (value instanceof BigDecimal decimal) {
            BigDecimal stripped = decimal.stripTrailingZeros();
            return stripped.scale() <= 0 ? stripped.toPlainString() : decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return null;
    }

    static String text(Object value) {
        if (value instanceof String text) {
            return text.isBlank() ? null : text.trim();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return id(value);
        }
        return null;
    }

    static BigDecimal decimal(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Double || value instanceof Float) {
                // only reached if floats were not read as BigDecimal; go through the text, not the binary value
                return new BigDecimal(value.toString());
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            if (value instanceof String text && !text.isBlank()) {
                return new BigDecimal(text.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    static Long whole(Object value) {
        BigDecimal decimal = decimal(value);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static boolean flag(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number) {
            BigDecimal decimal = decimal(value);
            return decimal != null && decimal.signum() != 0;
        }
        if (value instanceof String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "on" -> true;
                default -> false;
            };
        }
        return false;
    }
}
