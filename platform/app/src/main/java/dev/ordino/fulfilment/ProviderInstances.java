package dev.ordino.fulfilment;

import dev.ordino.base.Text;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.json.Json;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.plugin.ExtensionSettings;
import dev.ordino.plugin.InstanceSettings;
import dev.ordino.plugin.PluginCallFailed;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.ProviderBalance;
import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.SettingDescriptor;
import dev.ordino.plugin.api.SmmProvider;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Configured SMM provider instances: one plugin extension, many instances, each with its own
 * settings (stored encrypted, never logged), priority, markup and currency. Also resolves an
 * instance to its extension and call context for the jobs, and keeps each instance's error log.
 */
@Service
public class ProviderInstances {

    private static final Logger log = LoggerFactory.getLogger(ProviderInstances.class);
    static final String MASK = ExtensionSettings.MASK;
    private static final int LOG_KEPT = ProviderHealth.LOG_KEPT;

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final PluginHost plugins;
    private final StoreCurrency currency;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProviderHealth health;
    private final InstanceSettings instanceSettings;
    private final AdminAlerts alerts;

    ProviderInstances(JdbcClient jdbc, SecretCipher cipher, PluginHost plugins, StoreCurrency currency,
                      ApplicationEventPublisher events, Clock clock, ProviderHealth health, InstanceSettings instanceSettings,
                      AdminAlerts alerts) {
        this.health = health;
        this.instanceSettings = instanceSettings;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.plugins = plugins;
        this.currency = currency;
        this.events = events;
        this.clock = clock;
    }

    /** An instance with its decrypted settings, for calls. Its text form never shows the settings. */
    record Instance(long id, String name, String plugin, String extension, Map<String, String> settings, boolean enabled,
                    int priority, BigDecimal markupPercent, BigDecimal lowBalanceThreshold, String currency,
                    BigDecimal conversionRate) {
        @Override
        public String toString() {
            return "Instance[" + id + " " + name + "]";
        }
    }

    /** An instance ready to call: its extension (seen through the plugin boundary) and a context carrying its settings. */
    record Connected(Instance instance, SmmProvider provider, HostContext context, PluginCalls.Kind kind) {
    }

    /** Plugins offering an SMM provider extension, by plugin id, with the settings each needs. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Map<String, List<SettingDescriptor>> availablePlugins() {
        return settingsByPlugin();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<ProviderView> list() {
        Map<String, List<SettingDescriptor>> settings = settingsByPlugin();
        return jdbc.sql("SELECT * FROM provider_instance ORDER BY priority, id").query((rs, n) -> view(rs, settings)).list();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public ProviderView get(long id) {
        Map<String, List<SettingDescriptor>> settings = settingsByPlugin();
        return jdbc.sql("SELECT * FROM provider_instance WHERE id = ?").param(id).query((rs, n) -> view(rs, settings)).optional()
                .orElseThrow(ProviderInstances::notFound);
    }

    /**
     * Creates an instance.
     *
     * @throws DomainException {@code unknown_plugin}, {@code setting_required}, {@code invalid_url},
     *                         {@code provider_name_taken}, ...
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ProviderView create(ProviderForm form) {
        return get(insert(form));
    }

    /** Creates an instance for the system (demo data); answers its id. */
    long insert(ProviderForm form) {
        SmmProvider provider = extension(Text.required(form.plugin(), "plugin", 100))
                .orElseThrow(() -> DomainException.badRequest("unknown_plugin", "plugin",
                        "No started plugin " + form.plugin() + " offers an SMM provider"));
        Map<String, String> settings = instanceSettings.resolve(provider, form.settings(), Map.of());
        Checked checked = check(form);
        try {
            long id = jdbc.sql("INSERT INTO provider_instance (name, plugin_id, extension_key, settings, enabled, priority, "
                            + "markup_percent, low_balance_threshold, currency, conversion_rate, health, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unknown', ?) RETURNING id")
                    .params(checked.name(), form.plugin().strip(), provider.key(), instanceSettings.sealed(settings),
                            checked.enabled(), checked.priority(), checked.markup(), checked.threshold(), checked.currency(),
                            checked.rate(), UtcTime.column(clock.instant()))
                    .query(Long.class).single();
            log.info("Provider instance {} '{}' created with plugin {}", id, checked.name(), form.plugin());
            return id;
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked.name());
        }
    }

    /** Changes an instance; the plugin stays. Secrets left blank or masked keep their value. */
    @PreAuthorize("hasRole('ADMIN')")
    public ProviderView update(long id, ProviderForm form) {
        Instance current = instance(id);
        SmmProvider provider = extension(current.plugin()).orElse(null);
        Map<String, String> settings = provider == null ? current.settings() : instanceSettings.resolve(provider, form.settings(), current.settings());
        Checked checked = check(form.enabled() == null ? new ProviderForm(form.name(), form.plugin(), form.settings(),
                form.markupPercent(), form.priority(), current.enabled(), form.lowBalanceThreshold(), form.currency(),
                form.conversionRate()) : form);
        try {
            jdbc.sql("UPDATE provider_instance SET name = ?, settings = ?, enabled = ?, priority = ?, markup_percent = ?, "
                            + "low_balance_threshold = ?, currency = ?, conversion_rate = ? WHERE id = ?")
                    .params(checked.name(), instanceSettings.sealed(settings), checked.enabled(), checked.priority(),
                            checked.markup(), checked.threshold(), checked.currency(), checked.rate(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked.name());
        }
        return get(id);
    }

    /** The last lines of an instance's error log, newest first. */
    public record LogLine(Instant at, String action, String message) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<LogLine> errorLog(long id, int limit) {
        return jdbc.sql("SELECT at, action, message FROM provider_log WHERE instance_id = ? ORDER BY id DESC LIMIT ?")
                .params(id, Math.max(1, Math.min(limit, LOG_KEPT)))
                .query((rs, n) -> new LogLine(UtcTime.instant(rs.getObject(1, LocalDateTime.class)), rs.getString(2),
                        rs.getString(3)))
                .list();
    }

    /** Checks the connection by asking for the balance; records health and balance. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public ProviderView testConnection(long id) {
        checkBalance(connect(instance(id), PluginCalls.Kind.ADMIN));
        return get(id);
    }

    // ---- for the other services of this module and the jobs (no user context) ----

    Instance instance(long id) {
        return jdbc.sql("SELECT * FROM provider_instance WHERE id = ?").param(id).query(this::mapInstance).optional()
                .orElseThrow(ProviderInstances::notFound);
    }

    List<Instance> enabledInstances() {
        return jdbc.sql("SELECT * FROM provider_instance WHERE enabled = 1 ORDER BY priority, id").query(this::mapInstance).list();
    }

    /** For a job: see {@link #connect(Instance, PluginCalls.Kind)}. */
    Connected connect(Instance instance) {
        return connect(instance, PluginCalls.Kind.JOB);
    }

    /**
     * The instance's extension behind the plugin boundary (deadline of {@code kind}, the instance's
     * own bulkhead, health stored on its row) and its context. {@code provider_unavailable} (503)
     * when its plugin is not running; {@code provider_disabled} (503) for a job on a disabled instance.
     */
    Connected connect(Instance instance, PluginCalls.Kind kind) {
        if (kind == PluginCalls.Kind.JOB && !instance.enabled()) {
            throw new DomainException(503, "provider_disabled", null, "Provider " + instance.name() + " is disabled");
        }
        SmmProvider provider = plugins.extensions(SmmProvider.class).stream()
                .filter(p -> instance.plugin().equals(plugins.pluginIdOf(p)) && instance.extension().equals(p.key()))
                .findFirst()
                .orElseThrow(() -> new DomainException(503, "provider_unavailable", null,
                        "The plugin " + instance.plugin() + " of provider " + instance.name() + " is not running"));
        HostContext context = plugins.contextFor(provider, "provider:" + instance.id(), instance.settings());
        PluginCalls.Target target = new PluginCalls.Target("provider:" + instance.id(), instance.name(), "provider",
                health.sink(instance.id(), instance.name()));
        return new Connected(instance, plugins.calls().guard(SmmProvider.class, provider, target, kind, context), context, kind);
    }

    /** Asks for the balance, stores it, raises or clears the low-balance alert. */
    Optional<ProviderBalance> checkBalance(Connected connected) {
        Instance instance = connected.instance();
        try {
            ProviderBalance balance = connected.provider().balance(connected.context());
            jdbc.sql("UPDATE provider_instance SET balance = ?, balance_currency = ?, balance_at = ?, health = 'ok', last_error = NULL WHERE id = ?")
                    .params(balance.amount(), balance.currency() == null ? null : Text.cut(balance.currency(), 3),
                            UtcTime.column(clock.instant()), instance.id())
                    .update();
            String alertKey = "provider-balance:" + instance.id();
            if (instance.lowBalanceThreshold() != null && balance.amount().compareTo(instance.lowBalanceThreshold()) < 0) {
                boolean raised = raiseAlert(alertKey, "Balance at " + instance.name() + " is " + balance.amount().toPlainString()
                        + " " + (balance.currency() == null ? "" : balance.currency()) + ", below "
                        + instance.lowBalanceThreshold().toPlainString());
                if (raised) {
                    log.warn("Provider {} balance {} is below its threshold {}", instance.name(), balance.amount(),
                            instance.lowBalanceThreshold());
                    events.publishEvent(new ProviderBalanceLow(instance.id(), instance.name(), balance.amount(),
                            instance.lowBalanceThreshold()));
                }
            } else {
                resolveAlert(alertKey);
            }
            return Optional.of(balance);
        } catch (ProviderException | RuntimeException e) {
            failed(instance.id(), "balance", e);
            return Optional.empty();
        }
    }

    /** Records a failed call: health, last error, a line in the instance's log. */
    void failed(long instanceId, String action, Exception e) {
        health.failed(instanceId, action, e);
    }

    void healthy(long instanceId) {
        health.healthy(instanceId);
    }

    void logLine(long instanceId, String action, String message) {
        health.logLine(instanceId, action, message);
    }

    void touch(long instanceId, String column) {
        jdbc.sql("UPDATE provider_instance SET " + column + " = ? WHERE id = ?").params(UtcTime.column(clock.instant()), instanceId)
                .update();
    }

    boolean raiseAlert(String key, String message) {
        return health.raiseAlert(key, message);
    }

    void resolveAlert(String key) {
        health.resolveAlert(key);
    }

    /** Open alerts for staff, newest first. */
    public record Alert(long id, String message, Instant since) {
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<Alert> openAlerts() {
        return alerts.open().stream().map(a -> new Alert(a.id(), a.message(), a.since())).toList();
    }

    static String describe(Exception e) {
        String kind = switch (e) {
            case ProviderException.Rejected r -> "Provider refused";
            case ProviderException.Unreachable u -> "Provider unreachable";
            case ProviderException.OutcomeUnknown u -> "No answer from provider";
            case PluginCallFailed f -> "Plugin call failed";
            case DomainException d -> "Not available";
            default -> "Plugin error";
        };
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return kind + ": " + message;
    }

    /**
     * The plugin to offer first for a new provider: the first, by id, whose provider is real; a
     * simulated one only when there is nothing else.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Optional<String> suggestedPlugin() {
        Map<String, Boolean> simulated = simulatedByPlugin();
        return simulated.keySet().stream().sorted().filter(id -> !simulated.get(id)).findFirst()
                .or(() -> simulated.keySet().stream().sorted().findFirst());
    }

    /** The first plugin, by id, whose provider declares itself simulated (for a demo shop). */
    Optional<String> simulatedPlugin() {
        Map<String, Boolean> simulated = simulatedByPlugin();
        return simulated.keySet().stream().sorted().filter(simulated::get).findFirst();
    }

    /** Whether each started provider plugin is simulated. */
    private Map<String, Boolean> simulatedByPlugin() {
        return askEachPlugin("simulated", SmmProvider::simulated);
    }

    private Optional<SmmProvider> extension(String pluginId) {
        return plugins.extensions(SmmProvider.class).stream().filter(p -> pluginId.equals(plugins.pluginIdOf(p))).findFirst();
    }

    private record Checked(String name, boolean enabled, int priority, BigDecimal markup, BigDecimal threshold, String currency,
                           BigDecimal rate) {
    }

    private Checked check(ProviderForm form) {
        String name = Text.required(form.name(), "name", 100);
        int priority = form.priority() == null ? 10 : form.priority();
        if (priority < 0 || priority > 1000) {
            throw DomainException.badRequest("invalid_priority", "priority", "Priority must be between 0 and 1000", 0, 1000);
        }
        BigDecimal markup = form.markupPercent() == null ? new BigDecimal("50") : form.markupPercent();
        if (markup.signum() < 0 || markup.compareTo(new BigDecimal("1000")) > 0 || markup.stripTrailingZeros().scale() > 2) {
            throw DomainException.badRequest("invalid_markup", "markupPercent", "Markup must be between 0 and 1000 %", 0, 1000);
        }
        BigDecimal threshold = form.lowBalanceThreshold();
        if (threshold != null && (threshold.signum() < 0 || threshold.stripTrailingZeros().scale() > 4
                || threshold.compareTo(new BigDecimal("1000000000")) >= 0)) {
            throw DomainException.badRequest("invalid_threshold", "lowBalanceThreshold", "Enter an amount of zero or more");
        }
        String code = form.currency() == null || form.currency().isBlank() ? currency.code()
                : form.currency().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{3}")) {
            throw DomainException.badRequest("invalid_currency", "currency", "Enter a three-letter currency code");
        }
        BigDecimal rate = form.conversionRate() == null ? BigDecimal.ONE : form.conversionRate();
        if (rate.signum() <= 0 || rate.stripTrailingZeros().scale() > 8 || rate.compareTo(new BigDecimal("100000000000")) >= 0) {
            throw DomainException.badRequest("invalid_conversion_rate", "conversionRate",
                    "The conversion rate must be more than zero, with at most 8 decimals");
        }
        return new Checked(name, form.enabled() == null || form.enabled(), priority, markup, threshold, code, rate);
    }

    private static DomainException notFound() {
        return DomainException.notFound("provider_not_found", "No such provider");
    }

    private static DomainException nameTaken(String name) {
        return DomainException.conflict("provider_name_taken", "A provider named " + name + " exists already", name);
    }

    private Instance mapInstance(ResultSet rs, int row) throws SQLException {
        return new Instance(rs.getLong("id"), rs.getString("name"), rs.getString("plugin_id"), rs.getString("extension_key"),
                Json.readMap(cipher.decrypt(rs.getString("settings"))), rs.getBoolean("enabled"), rs.getInt("priority"),
                rs.getBigDecimal("markup_percent"), rs.getBigDecimal("low_balance_threshold"), rs.getString("currency"),
                rs.getBigDecimal("conversion_rate"));
    }

    /**
     * Each started provider plugin's settings, looked up once per listing rather than once per row. A plugin whose
     * settings() fails is left out; the listing shows the others, its instances' values masked.
     */
    private Map<String, List<SettingDescriptor>> settingsByPlugin() {
        return askEachPlugin("settings", SmmProvider::settings);
    }

    /** One answer per started provider plugin, asked through the plugin boundary; a plugin that fails to answer is left out. */
    private <T> Map<String, T> askEachPlugin(String what, Function<SmmProvider, T> question) {
        Map<String, T> result = new LinkedHashMap<>();
        for (SmmProvider provider : plugins.extensions(SmmProvider.class)) {
            String pluginId = plugins.pluginIdOf(provider);
            if (pluginId != null && !result.containsKey(pluginId)) {
                plugins.calls().quietly("plugin:" + pluginId, pluginId, what, () -> question.apply(provider))
                        .ifPresent(answer -> result.put(pluginId, answer));
            }
        }
        return result;
    }

    private ProviderView view(ResultSet rs, Map<String, List<SettingDescriptor>> settings) throws SQLException {
        Instance instance = mapInstance(rs, 0);
        Map<String, String> masked = ExtensionSettings.masked(settings.get(instance.plugin()), instance.settings());
        return new ProviderView(instance.id(), instance.name(), instance.plugin(), instance.extension(), masked,
                instance.enabled(), instance.priority(), instance.markupPercent(), instance.lowBalanceThreshold(),
                instance.currency(), instance.conversionRate(), rs.getBigDecimal("balance"), rs.getString("balance_currency"),
                time(rs, "balance_at"), rs.getString("health"), rs.getString("last_error"), time(rs, "services_synced_at"),
                time(rs, "orders_synced_at"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : UtcTime.instant(value);
    }
}
