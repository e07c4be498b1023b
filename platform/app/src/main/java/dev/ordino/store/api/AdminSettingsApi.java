package dev.ordino.store.api;

import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.store.StoreSettings;
import dev.ordino.store.StoreSettingsService;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store settings for automation: {@code GET} answers every key, {@code PUT} changes only the keys
 * it is given (money as strings, exact; the markup a number). Unknown keys are refused, so a typo
 * never passes silently.
 */
@RestController
@RequestMapping("/v1/admin/settings")
@Tag(name = "Admin: store settings")
@SecurityRequirement(name = "bearer")
class AdminSettingsApi {

    /** Decimals read as written: "0.1" stays 0.1, never a binary double. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> KEYS = Set.of("shopName", "contactPhone", "telegramLink", "defaultLanguage", "topUpMin",
            "topUpMax", "defaultMarkupPercent");

    private final StoreSettingsService settings;
    private final StoreCurrency currency;

    AdminSettingsApi(StoreSettingsService settings, StoreCurrency currency) {
        this.settings = settings;
        this.currency = currency;
    }

    record Settings(String shopName, String contactPhone, String telegramLink, String defaultLanguage, String topUpMin,
                    String topUpMax, BigDecimal defaultMarkupPercent) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    Settings get() {
        return view(settings.current());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    Settings put(@RequestBody String body) {
        JsonNode changes = parse(body);
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            if (!KEYS.contains(change.getKey())) {
                throw DomainException.badRequest("unknown_setting", change.getKey(), "No such setting: " + change.getKey());
            }
        }
        StoreSettings now = settings.current();
        return view(settings.save(new StoreSettings(
                text(changes, "shopName", now.shopName()),
                text(changes, "contactPhone", now.contactPhone()),
                text(changes, "telegramLink", now.telegramLink()),
                text(changes, "defaultLanguage", now.defaultLanguage()),
                decimal(changes, "topUpMin", now.topUpMin()),
                decimal(changes, "topUpMax", now.topUpMax()),
                decimal(changes, "defaultMarkupPercent", now.defaultMarkupPercent()))));
    }

    private Settings view(StoreSettings s) {
        return new Settings(s.shopName(), s.contactPhone(), s.telegramLink(), s.defaultLanguage(), currency.format(s.topUpMin()),
                currency.format(s.topUpMax()), s.defaultMarkupPercent());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw DomainException.badRequest("invalid_body", null, "Send a JSON object with the settings to change");
            }
            return node;
        } catch (JacksonException e) {
            throw DomainException.badRequest("invalid_body", null, "The body is not valid JSON");
        }
    }

    private static String text(JsonNode changes, String key, String current) {
        JsonNode value = changes.get(key);
        if (value == null) {
            return current;
        }
        if (value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw DomainException.badRequest("invalid_value", key, key + " must be a string");
        }
        return value.asString();
    }

    private static BigDecimal decimal(JsonNode changes, String key, BigDecimal current) {
        JsonNode value = changes.get(key);
        if (value == null) {
            return current;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString() && value.asString().strip().length() <= 30) {
                return new BigDecimal(value.asString().strip());
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw DomainException.badRequest("invalid_amount", key, key + " must be a decimal number, e.g. \"10000\"");
    }
}
