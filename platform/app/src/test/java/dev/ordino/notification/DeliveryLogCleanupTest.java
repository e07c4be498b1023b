package dev.ordino.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.OrdinoTest;
import dev.ordino.base.UtcTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notification log keeps 90 days of finished notifications; nothing still owed to someone goes. */
@OrdinoTest
class DeliveryLogCleanupTest {

    @Autowired
    DeliveryLogCleanup cleanup;
    @Autowired
    JdbcClient jdbc;

    String message(String state, int createdDaysAgo, int updatedDaysAgo) {
        String id = "cleanup-" + UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO notification_delivery (message_id, channel, event, recipient, locale, subject, body_text, data, state, "
                        + "attempts, next_attempt_at, give_up_at, created_at, updated_at) "
                        + "VALUES (?, 'email', 'order_placed', 'c@example.com', 'en', 's', 't', '{}', ?, 1, ?, ?, ?, ?)")
                .params(id, state, UtcTime.column(now), UtcTime.column(now), UtcTime.column(now.minus(createdDaysAgo, ChronoUnit.DAYS)),
                        UtcTime.column(now.minus(updatedDaysAgo, ChronoUnit.DAYS)))
                .update();
        return id;
    }

    boolean kept(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE message_id = ?").param(messageId).query(Long.class).single() == 1;
    }

    @Test
    void sentAndDeadNotificationsOlderThan90DaysGoWhileRecentOrStillOwedOnesStay() {
        String oldSent = message("sent", 120, 120);
        String oldDead = message("dead", 95, 94);
        String oldPending = message("pending", 120, 120);
        String oldFailed = message("failed", 120, 120);
        String recentSent = message("sent", 80, 80);
        String oldButResentLately = message("sent", 120, 2);

        assertThat(cleanup.removeOld()).isGreaterThanOrEqualTo(2);

        assertThat(kept(oldSent)).isFalse();
        assertThat(kept(oldDead)).isFalse();
        assertThat(kept(oldPending)).isTrue();
        assertThat(kept(oldFailed)).isTrue();
        assertThat(kept(recentSent)).isTrue();
        assertThat(kept(oldButResentLately)).isTrue();
        jdbc.sql("DELETE FROM notification_delivery WHERE message_id LIKE 'cleanup-%'").update();
    }
}
