package dev.ordino.store;

import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.StoreBranding;
import dev.ordino.catalog.Platform;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Store settings, one row per key in {@code store_setting}; missing keys take their defaults. */
@Service
public class StoreSettingsService implements StoreBranding {

    static final Set<String> LANGUAGES = Set.of("en", "ru", "id");

    private final JdbcClient jdbc;
    private final StoreCurrency currency;
    private final Clock clock;
    private final StoreLogo logo;

    StoreSettingsService(JdbcClient jdbc, StoreCurrency currency, Clock clock, StoreLogo logo) {
        this.logo = logo;
        this.jdbc = jdbc;
        this.currency = currency;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StoreSettings current() {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM store_setting")
                .query(rs -> { values.put(rs.getString(1), rs.getString(2)); });
        StoreSettings d = defaults();
        return new StoreSettings(values.getOrDefault("shop.name", d.shopName()),
                values.getOrDefault("shop.phone", d.contactPhone()),
                values.getOrDefault("shop.telegram", d.telegramLink()),
                values.getOrDefault("shop.language", d.defaultLanguage()),
                decimal(values.get("topup.min"), d.topUpMin()),
                decimal(values.get("topup.max"), d.topUpMax()),
                decimal(values.get("pricing.markup"), d.defaultMarkupPercent()));
    }

    /** The frame shows it on every page: one row, not the whole settings table. */
    @Override
    @Transactional(readOnly = true)
    public String shopName() {
        return jdbc.sql("SELECT setting_value FROM store_setting WHERE setting_key = 'shop.name'")
                .query(String.class).optional().orElse(defaults().shopName());
    }

    @Override
    public Optional<String> logoUrl() {
        return logo.version().map(version -> "images/store-logo?v=" + version);
    }

    /** The settings of a store nobody has configured yet, in its currency. */
    public StoreSettings defaults() {
        return StoreSettings.defaults(currency);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public StoreSettings save(StoreSettings settings) {
        String name = settings.shopName() == null ? "" : settings.shopName().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.badRequest("required", "shopName", "Enter a shop name (at most 100 characters)");
        }
        String phone = settings.contactPhone() == null ? "" : settings.contactPhone().strip();
        if (!phone.isEmpty() && !phone.matches("^\\+?[0-9 ()-]{5,30}$")) {
            throw DomainException.badRequest("invalid_phone", "contactPhone", "Use digits, spaces, ( ) - and an optional leading +");
        }
        String telegram = settings.telegramLink() == null ? "" : settings.telegramLink().strip();
        if (!telegram.isEmpty() && !Platform.TELEGRAM.accepts(telegram)) {
            throw DomainException.badRequest("invalid_link", "telegramLink", "Enter a t.me link", "telegram");
        }
        if (!LANGUAGES.contains(settings.defaultLanguage())) {
            throw DomainException.badRequest("invalid_language", "defaultLanguage", "Choose en, ru or id");
        }
        BigDecimal min = currency.parse(settings.topUpMin(), "topUpMin");
        BigDecimal max = currency.parse(settings.topUpMax(), "topUpMax");
        if (min.signum() <= 0 || max.compareTo(min) < 0) {
            throw DomainException.badRequest("invalid_range", "topUpMax", "The maximum must be at least the minimum, both above zero");
        }
        BigDecimal markup = settings.defaultMarkupPercent();
        if (markup == null || markup.signum() < 0 || markup.compareTo(new BigDecimal("1000")) > 0 || markup.scale() > 2) {
            throw DomainException.badRequest("invalid_markup", "defaultMarkupPercent", "Use a percentage from 0 to 1000");
        }
        put("shop.name", name);
        put("shop.phone", phone);
        put("shop.telegram", telegram);
        put("shop.language", settings.defaultLanguage());
        put("topup.min", min.toPlainString());
        put("topup.max", max.toPlainString());
        put("pricing.markup", markup.toPlainString());
        return current();
    }

    void put(String key, String value) {
        jdbc.sql("INSERT INTO store_setting (setting_key, setting_value, updated_at) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE setting_value = VALUES(setting_value), updated_at = VALUES(updated_at)")
                .params(key, value, UtcTime.column(clock.instant())).update();
    }

    private static BigDecimal decimal(String value, BigDecimal fallback) {
        try {
            return value == null ? fallback : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
