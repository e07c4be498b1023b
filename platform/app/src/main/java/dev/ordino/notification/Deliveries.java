package dev.ordino.notification;

import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.json.Json;
import dev.ordino.plugin.api.NotificationChannel.RecipientKind;
import dev.ordino.plugin.api.NotificationMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of notifications ({@code notification_delivery}): one row per message and channel,
 * written in the transaction of the listener that heard the event, sent by {@link DeliveryJob}. A row's
 * {@code message_id} and {@code channel} are stable for the event and recipient, so an event heard
 * again (a replayed publication) adds nothing. Customers' rows are keyed by the kind of channel
 * ({@code email}), staff rows by the instance ({@code channel:3}).
 */
@Service
public class Deliveries {

    private final JdbcClient jdbc;
    private final ChannelInstances channels;
    private final NotificationPreferences preferences;
    private final NotificationTexts texts;
    private final AccountService accounts;
    private final Clock clock;
    private final DeliveryWake wake;

    Deliveries(JdbcClient jdbc, ChannelInstances channels, NotificationPreferences preferences, NotificationTexts texts,
               AccountService accounts, Clock clock, DeliveryWake wake) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.preferences = preferences;
        this.texts = texts;
        this.accounts = accounts;
        this.clock = clock;
        this.wake = wake;
    }

    /** One delivery as staff see it in the notification log. */
    public record DeliveryView(long id, String event, Long channelId, String channel, String recipient, String subject, String state,
                               int attempts, String lastError, Instant createdAt, Instant sentAt, Instant nextAttemptAt) {
    }

    /** Filters of the notification log; null fields do not filter. */
    public record Filter(DeliveryState state, Long channelId) {
    }

    /** Records what the notice means for its customer (by their preferences) and for staff (by each channel's routing). */
    @Transactional
    void record(Notice notice) {
        if (notice.event().forCustomers() && notice.customerId() != null) {
            accounts.recipient(notice.customerId()).ifPresent(customer -> recordForCustomer(notice, customer));
        }
        List<ChannelInstances.Instance> routes = channels.staffRoutes(notice.event());
        if (!routes.isEmpty()) {
            NotificationTexts.Rendered staff = texts.render(notice, true, texts.language(null));
            for (ChannelInstances.Instance route : routes) {
                String recipient = route.staffRecipient() == null ? NotificationMessage.STAFF : route.staffRecipient();
                insert(notice, notice.id() + ":staff", "channel:" + route.id(), route.id(), recipient, null, staff);
            }
        }
        wake.afterCommit();
    }

    private void recordForCustomer(Notice notice, AccountSummary customer) {
        NotificationTexts.Rendered rendered = null;
        for (RecipientKind kind : preferences.kinds(customer.id(), notice.event(), notice.status())) {
            // Only e-mail reaches a customer today: a Telegram or Discord address comes with account linking.
            Optional<ChannelInstances.Instance> channel = kind == RecipientKind.EMAIL ? channels.firstEnabled(kind) : Optional.empty();
            if (channel.isEmpty()) {
                continue;
            }
            rendered = rendered == null ? texts.render(notice, false, texts.language(customer.locale())) : rendered;
            insert(notice, notice.id() + ":customer", kind.key(), channel.get().id(), customer.email(), customer.id(), rendered);
        }
    }

    /** An account mail (password reset, verification): through the first enabled e-mail channel; false when there is none. */
    @Transactional
    public boolean recordAccountMail(String messageId, long userId, String email, String locale, String subject, String text,
                                     String html) {
        Optional<ChannelInstances.Instance> channel = channels.firstEnabled(RecipientKind.EMAIL);
        if (channel.isEmpty()) {
            return false;
        }
        insertRow(messageId, "email", channel.get().id(), "account", email, userId, locale, subject, text, html, Map.of());
        wake.afterCommit();
        return true;
    }

    private void insert(Notice notice, String messageId, String channelKey, long channelId, String recipient, Long customerId,
                        NotificationTexts.Rendered rendered) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("event", notice.event().key());
        if (notice.orderId() != null) {
            data.put("orderId", Long.toString(notice.orderId()));
            data.put("orderNumber", notice.number());
        }
        if (notice.status() != null && !notice.status().isEmpty()) {
            data.put("status", notice.status());
        }
        insertRow(messageId, channelKey, channelId, notice.event().key(), recipient, customerId, rendered.locale(), rendered.subject(),
                rendered.text(), rendered.html(), data);
    }

    private void insertRow(String messageId, String channelKey, long channelId, String event, String recipient, Long customerId,
                           String locale, String subject, String text, String html, Map<String, String> data) {
        Instant now = clock.instant();
        jdbc.sql("INSERT IGNORE INTO notification_delivery (message_id, channel, channel_id, event, recipient, customer_id, locale, "
                        + "subject, body_text, body_html, data, state, attempts, next_attempt_at, give_up_at, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + DeliveryState.PENDING.sql() + ", 0, ?, ?, ?, ?)")
                .params(Text.cut(messageId, 100), channelKey, channelId, event, Text.cut(recipient, 320), customerId, locale,
                        Text.cut(subject, 300), text, html, Json.writeMap(data), UtcTime.column(now), UtcTime.column(now.plus(wake.retryWindow())),
                        UtcTime.column(now), UtcTime.column(now))
                .update();
    }

    /** The notification log, newest first, a page at a time. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Page<DeliveryView> search(Filter filter, Pageable pageable) {
        StringBuilder where = new StringBuilder(" WHERE d.channel_id IS NOT NULL");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.state() != null) {
            where.append(" AND d.state = :state");
            params.put("state", filter.state().key());
        }
        if (filter.channelId() != null) {
            where.append(" AND d.channel_id = :channel");
            params.put("channel", filter.channelId());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM notification_delivery d" + where).params(params).query(Long.class).single();
        List<DeliveryView> rows = jdbc.sql("SELECT d.*, c.name AS channel_name FROM notification_delivery d "
                        + "LEFT JOIN notification_channel c ON c.id = d.channel_id" + where + " ORDER BY d.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query(this::map)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Sends a delivery again: back to {@code pending}, due now, its retry window started afresh.
     *
     * @throws DomainException 404 {@code notification_not_found}; 409 {@code not_resendable} while it is still being tried
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public DeliveryView resend(long id) {
        Instant now = clock.instant();
        DeliveryView row = view(id);
        int changed = jdbc.sql("UPDATE notification_delivery SET state = " + DeliveryState.PENDING.sql() + ", next_attempt_at = ?, "
                        + "give_up_at = ?, updated_at = ?, claim = NULL, claimed_until = NULL WHERE id = ? AND "
                        + DeliveryState.PENDING.from(DeliveryState.SENT, DeliveryState.DEAD))
                .params(UtcTime.column(now), UtcTime.column(now.plus(wake.retryWindow())), UtcTime.column(now), id).update();
        if (changed == 0) {
            throw DomainException.conflict("not_resendable", "This notification is " + row.state() + "; it is being sent", row.state());
        }
        wake.now();
        return view(id);
    }

    private DeliveryView view(long id) {
        return jdbc.sql("SELECT d.*, c.name AS channel_name FROM notification_delivery d "
                        + "LEFT JOIN notification_channel c ON c.id = d.channel_id WHERE d.id = ?").param(id).query(this::map)
                .optional().orElseThrow(() -> DomainException.notFound("notification_not_found", "No such notification"));
    }

    private DeliveryView map(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getLong("id"), rs.getString("event"), rs.getLong("channel_id"), rs.getString("channel_name"),
                rs.getString("recipient"), rs.getString("subject"), rs.getString("state"), rs.getInt("attempts"),
                rs.getString("last_error"), UtcTime.instant(rs.getObject("created_at", LocalDateTime.class)),
                UtcTime.instant(rs.getObject("sent_at", LocalDateTime.class)),
                UtcTime.instant(rs.getObject("next_attempt_at", LocalDateTime.class)));
    }
}
