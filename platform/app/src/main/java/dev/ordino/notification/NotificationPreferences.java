package dev.ordino.notification;

import dev.ordino.base.DomainException;
import dev.ordino.plugin.api.NotificationChannel.RecipientKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which events a customer hears about, and where (by recipient kind: {@code email}, {@code telegram},
 * {@code discord}). An event the customer never chose for follows the shop's defaults ({@link NotificationEvent#customerDefault}).
 */
@Service
public class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every customer event with the kinds it reaches the customer through, defaults filled in. */
    @PreAuthorize("isAuthenticated()")
    public Map<String, List<String>> of(long userId) {
        Map<NotificationEvent, Set<RecipientKind>> chosen = chosen(userId);
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (NotificationEvent event : NotificationEvent.customerEvents()) {
            result.put(event.key(), chosen.getOrDefault(event, event.customerDefault()).stream().map(RecipientKind::key)
                    .sorted().toList());
        }
        return result;
    }

    /**
     * Stores the customer's choice for the events given; the others keep theirs.
     *
     * @throws DomainException 400 {@code unknown_event} (or a staff-only one), {@code unknown_channel_kind}
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Map<String, List<String>> save(long userId, Map<String, List<String>> choice) {
        if (choice == null) {
            throw DomainException.badRequest("invalid_body", null, "Send the events and their channels");
        }
        choice.forEach((key, kinds) -> {
            NotificationEvent event = NotificationEvent.of(key, key);
            if (!event.forCustomers()) {
                throw DomainException.badRequest("unknown_event", key, "Staff hear about " + key + ", customers do not", key);
            }
            Set<String> stored = new TreeSet<>();
            for (String kind : kinds == null ? List.<String>of() : kinds) {
                stored.add(kind(kind, key).key());
            }
            jdbc.sql("INSERT INTO notification_preference (user_id, event, kinds) VALUES (?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE kinds = VALUES(kinds)").params(userId, event.key(), String.join(",", stored)).update();
        });
        return of(userId);
    }

    /** The kinds the customer hears about the event through (for a status change, also by the new status). */
    Set<RecipientKind> kinds(long userId, NotificationEvent event, String status) {
        String stored = jdbc.sql("SELECT kinds FROM notification_preference WHERE user_id = ? AND event = ?").params(userId, event.key())
                .query(String.class).optional().orElse(null);
        if (stored != null) {
            return parse(stored);
        }
        if (event == NotificationEvent.ORDER_STATUS_CHANGED && !"completed".equals(status)) {
            // By default e-mail tells only that an order is done; Telegram tells every step.
            return EnumSet.of(RecipientKind.TELEGRAM);
        }
        return event.customerDefault();
    }

    private Map<NotificationEvent, Set<RecipientKind>> chosen(long userId) {
        Map<NotificationEvent, Set<RecipientKind>> chosen = new LinkedHashMap<>();
        jdbc.sql("SELECT event, kinds FROM notification_preference WHERE user_id = ?").param(userId)
                .query((rs, n) -> chosen.put(NotificationEvent.of(rs.getString(1), "event"), parse(rs.getString(2)))).list();
        return chosen;
    }

    private static Set<RecipientKind> parse(String kinds) {
        Set<RecipientKind> result = EnumSet.noneOf(RecipientKind.class);
        for (String kind : kinds.split(",")) {
            if (!kind.isBlank()) {
                result.add(RecipientKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return result;
    }

    private static RecipientKind kind(String value, String field) {
        String key = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (RecipientKind kind : RecipientKind.values()) {
            if (kind != RecipientKind.OTHER && kind.key().equals(key)) {
                return kind;
            }
        }
        throw DomainException.badRequest("unknown_channel_kind", field, "Choose email, telegram or discord", value);
    }
}
