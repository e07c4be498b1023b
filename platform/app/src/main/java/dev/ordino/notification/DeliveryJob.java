package dev.ordino.notification;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.json.Json;
import dev.ordino.plugin.EachInstance;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications on every node: a round claims a batch of due rows with one conditional
 * UPDATE (so each row goes out from one node), sends each through its channel instance behind the
 * plugin boundary, at the instance's pace (a next-send time on its row, shared by the nodes), and
 * records the outcome under the claim. A failure is retried with growing pauses until the row's
 * retry window ends, then it is {@code dead}; a channel that refuses for good makes it dead at once.
 * A node that dies holding a claim leaves its rows to others once the claim runs out: a message may
 * then go out twice, never not at all; its stable id lets a channel drop the repeat.
 */
@Component
class DeliveryJob {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJob.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final ChannelInstances channels;
    private final Clock clock;
    private final Duration pace;
    private final Duration firstRetry;
    private final Duration longestRetry;
    private final Duration claimFor;

    DeliveryJob(JdbcClient jdbc, ChannelInstances channels, Clock clock,
                @Value("${ordino.notifications.pace:PT0.02S}") Duration pace,
                @Value("${ordino.notifications.retry-first:PT30S}") Duration firstRetry,
                @Value("${ordino.notifications.retry-longest:PT1H}") Duration longestRetry,
                @Value("${ordino.notifications.claim-for:PT5M}") Duration claimFor) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.clock = clock;
        this.pace = pace;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
        this.claimFor = claimFor;
    }

    record Row(long id, String messageId, long channelId, String event, String recipient, String locale, String subject, String text,
               String html, Map<String, String> data, int attempts, Instant giveUpAt, String claim) {
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${ordino.notifications.poll:PT5S}")
    void scheduled() {
        sendDue();
    }

    /** Sends what is due until nothing is; answers how many went out. */
    int sendDue() {
        int sent = 0;
        for (List<Row> batch = claim(); !batch.isEmpty(); batch = claim()) {
            Map<Long, List<Row>> byChannel = new LinkedHashMap<>();
            batch.forEach(row -> byChannel.computeIfAbsent(row.channelId(), c -> new ArrayList<>()).add(row));
            int[] count = new int[1];
            EachInstance.inParallel("notification-send", byChannel.values(), rows -> {
                int n = send(rows);
                synchronized (count) {
                    count[0] += n;
                }
            });
            sent += count[0];
        }
        return sent;
    }

    private List<Row> claim() {
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        int claimed = jdbc.sql("UPDATE notification_delivery SET claim = ?, claimed_until = ? WHERE "
                        + DeliveryState.SENT.transitions().in(List.of(DeliveryState.PENDING, DeliveryState.FAILED))
                        + " AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?")
                .params(claim, UtcTime.column(now.plus(claimFor)), UtcTime.column(now), UtcTime.column(now), BATCH).update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM notification_delivery WHERE claim = ? ORDER BY id").param(claim).query(this::map).list();
    }

    private int send(List<Row> rows) {
        Optional<ChannelInstances.Instance> instance = channels.find(rows.getFirst().channelId());
        Optional<ChannelInstances.Connected> connected = instance.filter(ChannelInstances.Instance::enabled).flatMap(channels::connect);
        int sent = 0;
        for (Row row : rows) {
            if (connected.isEmpty()) {
                failed(row, instance.isEmpty() ? "The channel was removed" : instance.get().enabled()
                        ? "The channel's plugin is not running" : "The channel is disabled", true);
                continue;
            }
            awaitTurn(row.channelId());
            try {
                NotificationMessage message = new NotificationMessage(row.messageId(), row.recipient(), row.subject(), row.text(),
                        List.of(), row.data(), row.html(), row.locale());
                String reference = connected.get().channel().deliver(connected.get().context(), message);
                sent(row, reference);
                channels.sendResult(row.channelId(), true, null);
                sent++;
            } catch (NotificationChannel.ChannelException e) {
                failed(row, e.getMessage(), e.retryable());
                channels.sendResult(row.channelId(), false, e.getMessage());
            } catch (RuntimeException e) {
                // The boundary's own failures (busy, hanging, the plugin threw): worth another try later.
                failed(row, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), true);
                channels.sendResult(row.channelId(), false, e.getMessage());
            }
        }
        return sent;
    }

    /**
     * Waits for the channel's next free slot and takes it: a conditional UPDATE of the instance's
     * next-send time, so the pace holds across nodes.
     */
    private void awaitTurn(long channelId) {
        if (pace.isZero() || pace.isNegative()) {
            return;
        }
        for (int tries = 0; tries < 1000; tries++) {
            Instant now = clock.instant();
            int taken = jdbc.sql("UPDATE notification_channel SET next_send_at = ? WHERE id = ? AND (next_send_at IS NULL OR next_send_at <= ?)")
                    .params(UtcTime.column(now.plus(pace)), channelId, UtcTime.column(now)).update();
            if (taken > 0) {
                return;
            }
            Instant next = jdbc.sql("SELECT next_send_at FROM notification_channel WHERE id = ?").param(channelId)
                    .query((rs, n) -> UtcTime.instant(rs.getObject(1, LocalDateTime.class))).optional().orElse(now);
            long millis = Math.max(1, Math.min(1000, Duration.between(now, next).toMillis()));
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sent(Row row, String reference) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE notification_delivery SET state = " + DeliveryState.SENT.sql() + ", attempts = attempts + 1, sent_at = ?, "
                        + "message_ref = ?, last_error = NULL, claim = NULL, claimed_until = NULL, updated_at = ? WHERE id = ? AND claim = ?")
                .params(UtcTime.column(now), Text.cut(reference, 200), UtcTime.column(now), row.id(), row.claim()).update();
    }

    private void failed(Row row, String error, boolean retryable) {
        Instant now = clock.instant();
        int attempts = row.attempts() + 1;
        Instant next = now.plus(backoff(attempts));
        boolean giveUp = !retryable || row.giveUpAt() == null || !next.isBefore(row.giveUpAt());
        DeliveryState state = giveUp ? DeliveryState.DEAD : DeliveryState.FAILED;
        jdbc.sql("UPDATE notification_delivery SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claim = NULL, "
                        + "claimed_until = NULL, updated_at = ? WHERE id = ? AND claim = ? AND "
                        + state.transitions().in(List.of(DeliveryState.PENDING, DeliveryState.FAILED)))
                .params(state.key(), attempts, UtcTime.column(giveUp ? now : next), Text.cut(error, 1000), UtcTime.column(now),
                        row.id(), row.claim())
                .update();
        if (giveUp) {
            log.warn("Notification {} through channel {} given up after {} attempt(s): {}", row.messageId(), row.channelId(), attempts,
                    error);
        }
    }

    /** 30 s, 1 min, 2 min, ... up to an hour between tries (by default). */
    Duration backoff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        String data = rs.getString("data");
        return new Row(rs.getLong("id"), rs.getString("message_id"), rs.getLong("channel_id"), rs.getString("event"),
                rs.getString("recipient"), rs.getString("locale"), rs.getString("subject"), rs.getString("body_text"),
                rs.getString("body_html"), data == null ? Map.of() : Json.readMap(data), rs.getInt("attempts"),
                UtcTime.instant(rs.getObject("give_up_at", LocalDateTime.class)), rs.getString("claim"));
    }
}
