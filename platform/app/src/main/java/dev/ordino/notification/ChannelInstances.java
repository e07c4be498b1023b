package dev.ordino.notification;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.json.Json;
import dev.ordino.plugin.ExtensionSettings;
import dev.ordino.plugin.InstanceSettings;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationChannel.RecipientKind;
import dev.ordino.plugin.api.NotificationMessage;
import dev.ordino.plugin.api.SettingDescriptor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Configured notification channel instances: a plugin's {@link NotificationChannel} with its own
 * settings (stored encrypted, shown masked, checked by the channel itself), what it delivers to
 * (asked once, when staff save it) and which events staff hear about through it, and where.
 */
@Service
public class ChannelInstances {

    private static final Logger log = LoggerFactory.getLogger(ChannelInstances.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final PluginHost plugins;
    private final InstanceSettings instanceSettings;
    private final AdminAlerts alerts;
    private final Clock clock;
    private final NotificationTexts texts;

    ChannelInstances(JdbcClient jdbc, SecretCipher cipher, PluginHost plugins, InstanceSettings instanceSettings, AdminAlerts alerts,
                     Clock clock, NotificationTexts texts) {
        this.texts = texts;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.plugins = plugins;
        this.instanceSettings = instanceSettings;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** A channel instance as staff see it; health is the last send's result and time. */
    public record ChannelView(long id, String name, String plugin, String displayName, String recipientKind, boolean enabled,
                              Map<String, String> settings, List<String> staffEvents, String staffRecipient, String health,
                              String lastError, String lastResult, Instant lastSentAt) {
    }

    /** A channel instance to create or change; {@code staffEvents} and {@code staffRecipient} left out keep theirs (or the defaults). */
    public record ChannelForm(String name, String plugin, Map<String, String> settings, Boolean enabled, List<String> staffEvents,
                              String staffRecipient) {
    }

    record Instance(long id, String name, String plugin, String extension, RecipientKind kind, Map<String, String> settings,
                    boolean enabled, List<NotificationEvent> staffEvents, String staffRecipient, String health, String lastError,
                    String lastResult, Instant lastSentAt) {
        @Override
        public String toString() {
            return "Channel[" + id + " " + name + "]";
        }
    }

    /** An instance ready to call: its channel behind the plugin boundary, and its context. */
    record Connected(Instance instance, NotificationChannel channel, HostContext context) {
    }

    /** Plugins offering a notification channel, by plugin id, with the settings each needs. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Map<String, List<SettingDescriptor>> availablePlugins() {
        Map<String, List<SettingDescriptor>> result = new LinkedHashMap<>();
        for (NotificationChannel channel : plugins.extensions(NotificationChannel.class)) {
            String pluginId = plugins.pluginIdOf(channel);
            if (pluginId != null && !result.containsKey(pluginId)) {
                settingsOf(pluginId, channel).ifPresent(settings -> result.put(pluginId, settings));
            }
        }
        return result;
    }

    /** A plugin offering a channel by id and name. */
    record ChannelPlugin(String pluginId, String displayName) {
    }

    /** A started channel that reaches only its own destination and needs no setting entered (a log), if any. */
    Optional<ChannelPlugin> staffOnlyWithoutSettings() {
        for (NotificationChannel channel : plugins.extensions(NotificationChannel.class)) {
            String pluginId = plugins.pluginIdOf(channel);
            if (pluginId != null && kindOf(pluginId, channel) == RecipientKind.OTHER && settingsOf(pluginId, channel)
                    .map(settings -> settings.stream().noneMatch(s -> s.required() && s.defaultValue() == null)).orElse(false)) {
                return Optional.of(new ChannelPlugin(pluginId, channel.displayName()));
            }
        }
        return Optional.empty();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<ChannelView> list() {
        return all().stream().map(this::view).toList();
    }

    List<Instance> all() {
        return jdbc.sql("SELECT * FROM notification_channel ORDER BY id").query(this::map).list();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public ChannelView create(ChannelForm form) {
        return view(instance(insert(form)));
    }

    long insert(ChannelForm form) {
        String name = Text.required(form.name(), "name", 100);
        String pluginId = Text.required(form.plugin(), "plugin", 100);
        NotificationChannel channel = plugins.extensions(NotificationChannel.class).stream()
                .filter(c -> pluginId.equals(plugins.pluginIdOf(c))).findFirst()
                .orElseThrow(() -> DomainException.badRequest("unknown_plugin", "plugin",
                        "No started plugin " + pluginId + " offers a notification channel"));
        RecipientKind kind = kindOf(pluginId, channel);
        Map<String, String> settings = instanceSettings.resolve(channel, form.settings(), Map.of());
        List<NotificationEvent> events = form.staffEvents() == null ? defaultStaffEvents(kind) : events(form.staffEvents());
        try {
            return jdbc.sql("INSERT INTO notification_channel (name, plugin_id, extension_key, recipient_kind, settings, enabled, "
                            + "staff_events, staff_recipient, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                    .params(name, pluginId, channel.key(), kind.key(), instanceSettings.sealed(settings),
                            form.enabled() == null || form.enabled(), joined(events), Text.cut(blankToNull(form.staffRecipient()), 320),
                            UtcTime.column(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("channel_name_taken", "A channel named " + name + " exists already", name);
        }
    }

    /** Changes an instance's name, settings, routing and whether it is enabled. */
    @PreAuthorize("hasRole('ADMIN')")
    public ChannelView update(long id, ChannelForm form) {
        Instance current = instance(id);
        String name = form.name() == null ? current.name() : Text.required(form.name(), "name", 100);
        boolean enabled = form.enabled() == null ? current.enabled() : form.enabled();
        Optional<NotificationChannel> channel = extension(current.plugin(), current.extension());
        // Settings left out keep theirs: a change of routing or of the name needs no secret again.
        Map<String, String> settings = form.settings() == null ? current.settings()
                : channel.map(c -> instanceSettings.resolve(c, form.settings(), current.settings())).orElse(current.settings());
        List<NotificationEvent> events = form.staffEvents() == null ? current.staffEvents() : events(form.staffEvents());
        String recipient = form.staffRecipient() == null ? current.staffRecipient() : blankToNull(form.staffRecipient());
        try {
            jdbc.sql("UPDATE notification_channel SET name = ?, settings = ?, enabled = ?, staff_events = ?, staff_recipient = ? WHERE id = ?")
                    .params(name, instanceSettings.sealed(settings), enabled, joined(events), Text.cut(recipient, 320), id).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("channel_name_taken", "A channel named " + name + " exists already", name);
        }
        return view(instance(id));
    }

    Instance instance(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("channel_not_found", "No such notification channel"));
    }

    Optional<Instance> find(long id) {
        return jdbc.sql("SELECT * FROM notification_channel WHERE id = ?").param(id).query(this::map).optional();
    }

    /** The first enabled instance delivering to this kind of address (customers' e-mail, account mails), if any. */
    Optional<Instance> firstEnabled(RecipientKind kind) {
        return jdbc.sql("SELECT * FROM notification_channel WHERE enabled = 1 AND recipient_kind = ? ORDER BY id LIMIT 1")
                .param(kind.key()).query(this::map).optional();
    }

    /** Whether account mails (password reset, verification) can be sent: an enabled e-mail channel exists. */
    public boolean canMailAccounts() {
        return firstEnabled(RecipientKind.EMAIL).isPresent();
    }

    /** Enabled instances through which staff hear about the event. */
    List<Instance> staffRoutes(NotificationEvent event) {
        return jdbc.sql("SELECT * FROM notification_channel WHERE enabled = 1 AND FIND_IN_SET(?, staff_events) > 0 ORDER BY id")
                .param(event.key()).query(this::map).list();
    }

    /**
     * The instance's channel behind the plugin boundary (notification deadline, its own bulkhead,
     * health stored on its row) and its context; empty when its plugin is not running.
     */
    Optional<Connected> connect(Instance instance) {
        return extension(instance.plugin(), instance.extension()).map(channel -> {
            HostContext context = plugins.contextFor(channel, "channel:" + instance.id(), instance.settings());
            PluginCalls.Target target = new PluginCalls.Target("channel:" + instance.id(), instance.name(), "channel",
                    (health, reason) -> storeHealth(instance, health, reason));
            return new Connected(instance, plugins.calls().guard(NotificationChannel.class, channel, target,
                    PluginCalls.Kind.NOTIFICATION, context), context);
        });
    }

    /** What a test message came to: sent (with the channel's reference), or the channel's error. */
    public record TestResult(boolean sent, String error, String reference) {
    }

    /**
     * Sends a test message to the instance's staff destination at once, bypassing the queue, so staff
     * see straight away whether the settings work; the result becomes the channel's health.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public TestResult test(long id) {
        Instance instance = instance(id);
        Connected connected = connect(instance).orElseThrow(() -> new DomainException(503, "channel_unavailable", null,
                "The plugin " + instance.plugin() + " of channel " + instance.name() + " is not running"));
        NotificationTexts.Rendered text = texts.test(instance.name());
        NotificationMessage message = new NotificationMessage("test:" + id + ":" + clock.millis(),
                instance.staffRecipient() == null ? NotificationMessage.STAFF : instance.staffRecipient(), text.subject(), text.text(),
                List.of(), Map.of("event", "test"), text.html(), text.locale());
        try {
            String reference = connected.channel().deliver(connected.context(), message);
            sendResult(id, true, null);
            return new TestResult(true, null, reference);
        } catch (NotificationChannel.ChannelException | RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            sendResult(id, false, error);
            return new TestResult(false, Text.cut(error, 1000), null);
        }
    }

    /** The result of a send, shown as the channel's health: last result and when. */
    void sendResult(long id, boolean sent, String error) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE notification_channel SET last_result = ?, last_sent_at = ?, last_error = ? WHERE id = ?")
                .params(sent ? "sent" : "failed", UtcTime.column(now), sent ? null : Text.cut(error, 1000), id).update();
    }

    private void storeHealth(Instance instance, PluginCalls.Health health, String reason) {
        long id = instance.id();
        if (health.unhealthy()) {
            jdbc.sql("UPDATE notification_channel SET health = ? WHERE id = ?").params(health.word(), id).update();
            if (alerts.raise("channel-health:" + id, "Notification channel " + instance.name() + " is " + health.word() + ": " + reason)) {
                log.warn("Notification channel {} turned {}: {}", instance.name(), health.word(), reason);
            }
        } else if (jdbc.sql("UPDATE notification_channel SET health = ? WHERE id = ? AND health <> ?")
                .params(health.word(), id, health.word()).update() > 0 && health == PluginCalls.Health.OK) {
            alerts.resolve("channel-health:" + id);
        }
    }

    private Optional<NotificationChannel> extension(String pluginId, String key) {
        return plugins.extensions(NotificationChannel.class).stream()
                .filter(c -> pluginId.equals(plugins.pluginIdOf(c)) && key.equals(c.key())).findFirst();
    }

    private Optional<List<SettingDescriptor>> settingsOf(String pluginId, NotificationChannel channel) {
        return plugins.calls().quietly("plugin:" + pluginId, pluginId, "settings", channel::settings);
    }

    /** What the channel delivers to, asked through the plugin boundary; a channel that cannot say reaches only its own destination. */
    private RecipientKind kindOf(String pluginId, NotificationChannel channel) {
        return plugins.calls().quietly("plugin:" + pluginId, pluginId, "recipientKind", channel::recipientKind)
                .orElse(RecipientKind.OTHER);
    }

    /**
     * A staff room or a log hears about everything staff act on; a channel that also reaches
     * customers (e-mail, Telegram) tells staff nothing until routed, as its staff address may be unset.
     */
    private static List<NotificationEvent> defaultStaffEvents(RecipientKind kind) {
        return kind == RecipientKind.OTHER || kind == RecipientKind.DISCORD ? Arrays.asList(NotificationEvent.values()) : List.of();
    }

    private static List<NotificationEvent> events(List<String> keys) {
        return keys.stream().map(k -> NotificationEvent.of(k, "staffEvents")).distinct().toList();
    }

    private static String joined(List<NotificationEvent> events) {
        return String.join(",", events.stream().map(NotificationEvent::key).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ChannelView view(Instance i) {
        Optional<NotificationChannel> channel = extension(i.plugin(), i.extension());
        return new ChannelView(i.id(), i.name(), i.plugin(), channel.map(NotificationChannel::displayName).orElse(i.plugin()),
                i.kind().key(), i.enabled(),
                ExtensionSettings.masked(channel.flatMap(c -> settingsOf(i.plugin(), c)).orElse(null), i.settings()),
                i.staffEvents().stream().map(NotificationEvent::key).toList(), i.staffRecipient(), i.health(), i.lastError(),
                i.lastResult(), i.lastSentAt());
    }

    private Instance map(ResultSet rs, int row) throws SQLException {
        String events = rs.getString("staff_events");
        List<NotificationEvent> staffEvents = events == null || events.isBlank() ? List.of()
                : Arrays.stream(events.split(",")).map(k -> NotificationEvent.of(k, "staff_events")).toList();
        return new Instance(rs.getLong("id"), rs.getString("name"), rs.getString("plugin_id"), rs.getString("extension_key"),
                RecipientKind.valueOf(rs.getString("recipient_kind").toUpperCase(java.util.Locale.ROOT)),
                Json.readMap(cipher.decrypt(rs.getString("settings"))), rs.getBoolean("enabled"), staffEvents,
                rs.getString("staff_recipient"), rs.getString("health"), rs.getString("last_error"), rs.getString("last_result"),
                UtcTime.instant(rs.getObject("last_sent_at", LocalDateTime.class)));
    }
}
