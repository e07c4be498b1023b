package dev.ordino.store;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.money.StoreCurrency;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pickup point, delivery fee and reminder, kept beside the other store settings ({@code store_setting}). */
@Service
public class HandoverSettingsService {

    private final JdbcClient jdbc;
    private final StoreSettingsService settings;
    private final StoreCurrency currency;

    HandoverSettingsService(JdbcClient jdbc, StoreSettingsService settings, StoreCurrency currency) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.currency = currency;
    }

    @Transactional(readOnly = true)
    public HandoverSettings current() {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("SELECT setting_key, setting_value FROM store_setting WHERE setting_key LIKE 'pickup.%' OR setting_key LIKE 'delivery.%'")
                .query(rs -> { values.put(rs.getString(1), rs.getString(2)); });
        BigDecimal fee;
        int days;
        try {
            fee = new BigDecimal(values.getOrDefault("delivery.fee", "0"));
            days = Integer.parseInt(values.getOrDefault("pickup.remind-days", "" + HandoverSettings.DEFAULT_REMIND_AFTER_DAYS));
        } catch (NumberFormatException e) {
            fee = BigDecimal.ZERO;
            days = HandoverSettings.DEFAULT_REMIND_AFTER_DAYS;
        }
        return new HandoverSettings(values.getOrDefault("pickup.name", ""), values.getOrDefault("pickup.address", ""),
                values.getOrDefault("pickup.hours", ""), currency.round(fee), days);
    }

    /** @throws DomainException {@code invalid_amount}, {@code invalid_days} (400) */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public HandoverSettings save(HandoverSettings handover) {
        String name = Text.optional(handover.pickupName(), 100);
        String address = Text.optional(handover.pickupAddress(), 500);
        String hours = Text.optional(handover.pickupHours(), 200);
        BigDecimal fee = currency.parse(handover.deliveryFee() == null ? BigDecimal.ZERO : handover.deliveryFee(), "deliveryFee");
        if (fee.signum() < 0) {
            throw DomainException.badRequest("invalid_amount", "deliveryFee", "Enter a fee of zero or more");
        }
        if (handover.remindAfterDays() < 1 || handover.remindAfterDays() > 365) {
            throw DomainException.badRequest("invalid_days", "remindAfterDays", "Use 1 to 365 days", 1, 365);
        }
        settings.put("pickup.name", name == null ? "" : name);
        settings.put("pickup.address", address == null ? "" : address);
        settings.put("pickup.hours", hours == null ? "" : hours);
        settings.put("delivery.fee", fee.toPlainString());
        settings.put("pickup.remind-days", Integer.toString(handover.remindAfterDays()));
        return current();
    }
}
