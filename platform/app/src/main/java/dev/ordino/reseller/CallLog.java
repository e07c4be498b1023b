package dev.ordino.reseller;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Every panel API call made with a key, for the key's owner: action, time, result and address,
 * never the key. The owner sees the last {@value #VISIBLE}; rows older than
 * {@code ordino.reseller.call-log-keep} (30 days) go once a day, on one node.
 */
@Service
public class CallLog {

    public static final int VISIBLE = 100;
    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    private static final int DELETE_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    CallLog(JdbcClient jdbc, Clock clock, @Value("${ordino.reseller.call-log-keep:P30D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    /** One call as its owner sees it. */
    public record Call(long keyId, String keyPrefix, String action, String result, String address, Instant at) {
    }

    void record(long keyId, long userId, String action, String result, String address) {
        jdbc.sql("INSERT INTO api_call (key_id, user_id, action, result, address, called_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(keyId, userId, Text.cut(action == null || action.isBlank() ? "-" : action, 30), Text.cut(result, 200),
                        Text.cut(address, 64), UtcTime.column(clock.instant()))
                .update();
    }

    /** The owner's last {@value #VISIBLE} calls, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Call> latest(long userId) {
        return jdbc.sql("SELECT c.key_id, k.prefix, c.action, c.result, c.address, c.called_at FROM api_call c "
                        + "JOIN api_key k ON k.id = c.key_id WHERE c.user_id = ? ORDER BY c.id DESC LIMIT " + VISIBLE)
                .param(userId)
                .query((rs, n) -> new Call(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        UtcTime.instant(rs.getObject(6, LocalDateTime.class))))
                .list();
    }

    /** Deletes calls older than the keeping period, in batches so no lock is held long; answers how many went. */
    public int removeOld() {
        LocalDateTime before = UtcTime.column(clock.instant().minus(keep));
        int removed = 0;
        int batch;
        do {
            batch = jdbc.sql("DELETE FROM api_call WHERE called_at < ? LIMIT " + DELETE_BATCH).param(before).update();
            removed += batch;
        } while (batch == DELETE_BATCH);
        return removed;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${ordino.reseller.call-log-clean-every:PT24H}")
    @SchedulerLock(name = "api-call-log-clean", lockAtLeastFor = "${ordino.reseller.call-log-clean-every:PT24H}",
            lockAtMostFor = "${ordino.reseller.call-log-clean-every:PT24H}")
    void clean() {
        int removed = removeOld();
        if (removed > 0) {
            log.info("Removed {} API calls older than {}", removed, keep);
        }
    }
}
