package dev.ordino.base.api;

import dev.ordino.base.DomainException;
import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Decimal numbers in query strings and paths are plain and bounded: an exponent such as
 * {@code 1e999999999} would expand into a number no one can hold. A refusal is 400
 * {@code invalid_number} naming the parameter. (An editor rather than a converter: Spring falls
 * back to its own lenient parsing when a converter refuses.)
 */
@ControllerAdvice(basePackages = "dev.ordino")
class QueryDecimals {

    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,6})?");

    @InitBinder
    void bounded(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(parse(text));
            }
        });
    }

    static BigDecimal parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            DomainException refusal = DomainException.badRequest("invalid_number", null,
                    "use a plain decimal number such as 10.50 (at most 15 digits before the point and 6 after)");
            throw new IllegalArgumentException(refusal.getMessage(), refusal);
        }
        return new BigDecimal(value);
    }
}
