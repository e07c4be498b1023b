package dev.ordino.base.alerts;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Things staff should look at ({@code admin_alert}), raised by any feature under a key of its own
 * ({@code provider-health:3}, {@code gateway-health:2}): at most one open alert per key, its message
 * kept current, resolved when the cause is gone. The one place that writes the table.
 */
@Component
public class AdminAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An alert still open for staff. */
    public record Alert(long id, String key, String message, Instant since) {
    }

    /** Opens the alert, or updates the message of the open one; answers whether it is new. */
    public boolean raise(String key, String message) {
        int updated = jdbc.sql("UPDATE admin_alert SET message = ? WHERE alert_key = ? AND resolved_at IS NULL")
                .params(Text.cut(message, 1000), key).update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO admin_alert (alert_key, message, created_at) VALUES (?, ?, ?)")
                .params(key, Text.cut(message, 1000), UtcTime.column(clock.instant())).update();
        return true;
    }

    public void resolve(String key) {
        jdbc.sql("UPDATE admin_alert SET resolved_at = ? WHERE alert_key = ? AND resolved_at IS NULL")
                .params(UtcTime.column(clock.instant()), key).update();
    }

    /** Open alerts, newest first (at most 50); callers check who may see them. */
    public List<Alert> open() {
        return jdbc.sql("SELECT id, alert_key, message, created_at FROM admin_alert WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 50")
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getString(2), rs.getString(3),
                        UtcTime.instant(rs.getObject(4, LocalDateTime.class))))
                .list();
    }
}
