package dev.ordino.payment.internal;

import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail of gateway events ({@code payment_event}). What a gateway verified is kept
 * whole. What it did not verify (bad signatures, unreadable or ignored posts: anyone can send
 * those) is kept only for the first {@code ordino.webhooks.rejected-kept-per-period} (default
 * 100) per gateway and {@code ordino.webhooks.rejected-period} (default 10 minutes), cut to its
 * first 8 KiB; beyond that it is only counted ({@code webhook_rejection}). The count is in the
 * database, so the bound holds across nodes and restarts.
 */
@Component
public class PaymentEvents {

    static final int KEPT_BODY_BYTES = 8 * 1024;
    /** Counts older than this are of no more use to anyone. */
    private static final Duration COUNTS_KEPT = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int keptPerPeriod;
    private final Duration period;

    PaymentEvents(JdbcClient jdbc, Clock clock, @Value("${ordino.webhooks.rejected-kept-per-period:100}") int keptPerPeriod,
                  @Value("${ordino.webhooks.rejected-period:PT10M}") Duration period) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keptPerPeriod = keptPerPeriod;
        this.period = period;
    }

    /** An event the gateway vouched for, or one the host made (staff confirmation, reconciliation). */
    public void record(long gatewayId, Long paymentId, String eventId, boolean verified, String outcome, String detail, String body) {
        jdbc.sql("INSERT INTO payment_event (gateway_id, payment_id, event_id, verified, outcome, detail, body, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(gatewayId, paymentId, Text.cut(eventId, 200), verified, outcome, Text.cut(detail, 1000), body,
                        UtcTime.column(clock.instant()))
                .update();
    }

    /** A post that changed nothing and proved nothing: counted, and kept (truncated) while the period's budget lasts. */
    public void notVerified(long gatewayId, String outcome, String detail, byte[] body) {
        if (countAndClaim(gatewayId)) {
            record(gatewayId, null, null, false, outcome, detail, keptBody(body));
        }
    }

    static String keptBody(byte[] body) {
        byte[] kept = body.length <= KEPT_BODY_BYTES ? body : Arrays.copyOf(body, KEPT_BODY_BYTES);
        return new String(kept, StandardCharsets.UTF_8);
    }

    /** Counts one refused post; true while fewer than the budget were kept in this period. */
    private boolean countAndClaim(long gatewayId) {
        long periodMillis = Math.max(1000, period.toMillis());
        Instant now = clock.instant();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), periodMillis));
        int inserted = jdbc.sql("INSERT INTO webhook_rejection (gateway_id, period_start, received, kept) VALUES (?, ?, 1, 0) "
                        + "ON DUPLICATE KEY UPDATE received = received + 1")
                .params(gatewayId, UtcTime.column(start)).update();
        if (inserted == 1) {
            jdbc.sql("DELETE FROM webhook_rejection WHERE gateway_id = ? AND period_start < ?")
                    .params(gatewayId, UtcTime.column(now.minus(COUNTS_KEPT))).update();
        }
        // A guarded increment: with any number of nodes at most the budget is claimed.
        return jdbc.sql("UPDATE webhook_rejection SET kept = kept + 1 WHERE gateway_id = ? AND period_start = ? AND kept < ?")
                .params(gatewayId, UtcTime.column(start), keptPerPeriod).update() == 1;
    }
}
