package dev.ordino.audit;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Actions staff must answer for (revealing a sold code, voiding one, changing an order), written
 * in the same transaction as the action itself: no action without its line, no line without the
 * action. The one writer of {@code audit_log}; lines are never changed or deleted.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One line of the log. {@code target} names the thing acted on ({@code code:12}, {@code order:7}). */
    public record Entry(long id, Instant at, String actor, String action, String target, String detail) {
    }

    @Transactional
    public void record(String actor, String action, String target, String detail) {
        jdbc.sql("INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(UtcTime.column(clock.instant()), Text.cut(actor == null ? "system" : actor, 200), Text.cut(action, 50),
                        Text.cut(target, 200), detail == null ? null : Text.cut(detail, 1000))
                .update();
    }

    /** Newest first, optionally only one action or target. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<Entry> recent(String action, String target, long offset, int limit) {
        return jdbc.sql("SELECT id, at, actor, action, target, detail FROM audit_log WHERE (:action IS NULL OR action = :action) "
                        + "AND (:target IS NULL OR target = :target) ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("action", blankToNull(action)).param("target", blankToNull(target))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Entry(rs.getLong(1), UtcTime.instant(rs.getObject(2, java.time.LocalDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public long count(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE (:action IS NULL OR action = :action) "
                        + "AND (:target IS NULL OR target = :target)")
                .param("action", blankToNull(action)).param("target", blankToNull(target)).query(Long.class).single();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
