package dev.ordino.payment;

import dev.ordino.base.Text;
import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.json.Json;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.plugin.ExtensionSettings;
import dev.ordino.plugin.InstanceSettings;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.SettingDescriptor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Configured payment gateway instances: a plugin's {@link PaymentGateway} with its own
 * settings (stored encrypted, shown masked, checked by the gateway itself). An instance can only
 * be enabled when the store currency is one its gateway takes ({@link PaymentGateway#currencies}).
 */
@Service
public class GatewayInstances {

    private final Map<PaymentGateway, Capabilities> declared = Collections.synchronizedMap(new WeakHashMap<>());

    private static final Logger log = LoggerFactory.getLogger(GatewayInstances.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final PluginHost plugins;
    private final StoreCurrency currency;
    private final OrdinoProperties properties;
    private final Clock clock;
    private final InstanceSettings instanceSettings;
    private final AdminAlerts alerts;

    GatewayInstances(JdbcClient jdbc, SecretCipher cipher, PluginHost plugins, StoreCurrency currency, OrdinoProperties properties,
                     Clock clock, InstanceSettings instanceSettings, AdminAlerts alerts) {
        this.instanceSettings = instanceSettings;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.plugins = plugins;
        this.currency = currency;
        this.properties = properties;
        this.clock = clock;
    }

    /** A gateway instance as staff see it; {@code webhookUrl} is what to enter in the gateway's dashboard. */
    public record GatewayView(long id, String name, String plugin, String extension, String displayName,
                              Map<String, String> settings, boolean enabled, String webhookUrl, String health, String lastError) {
    }

    /** A gateway instance to create or change. */
    public record GatewayForm(String name, String plugin, Map<String, String> settings, Boolean enabled) {
    }

    record Instance(long id, String name, String plugin, String extension, Map<String, String> settings, boolean enabled,
                    String health, String lastError) {
        @Override
        public String toString() {
            return "Gateway[" + id + " " + name + "]";
        }
    }

    /** An instance ready to call: its gateway seen through the plugin boundary, and its context. */
    record Connected(Instance instance, PaymentGateway gateway, HostContext context) {
    }

    /** What a gateway declares of itself (plugin API 1.2; a plugin built for 1.1 gets the defaults: any currency, not by staff). */
    record Capabilities(Set<String> currencies, boolean staffConfirms) {
        boolean takes(String currency) {
            return currencies.isEmpty() || currencies.contains(currency);
        }
    }

    /** Plugins offering a payment gateway, by plugin id, with the settings each needs. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Map<String, List<SettingDescriptor>> availablePlugins() {
        Map<String, List<SettingDescriptor>> result = new LinkedHashMap<>();
        for (PaymentGateway gateway : plugins.extensions(PaymentGateway.class)) {
            String pluginId = plugins.pluginIdOf(gateway);
            if (pluginId != null && !result.containsKey(pluginId)) {
                settingsOf(pluginId, gateway).ifPresent(settings -> result.put(pluginId, settings));
            }
        }
        return result;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<GatewayView> list() {
        Map<String, PaymentGateway> started = started();
        return jdbc.sql("SELECT * FROM gateway_instance ORDER BY id").query(this::map).list().stream().map(i -> view(i, started)).toList();
    }

    /** Enabled gateways a customer can choose, as (id, name). */
    public List<GatewayView> enabledForCustomers() {
        Map<String, PaymentGateway> started = started();
        return jdbc.sql("SELECT * FROM gateway_instance WHERE enabled = 1 ORDER BY id").query(this::map).list().stream()
                .filter(i -> started.containsKey(i.plugin() + "/" + i.extension())
                        && takesStoreCurrency(started.get(i.plugin() + "/" + i.extension())))
                .map(i -> new GatewayView(i.id(), i.name(), i.plugin(), i.extension(), i.name(), Map.of(), true, null, null, null)).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public GatewayView create(GatewayForm form) {
        return view(instance(insert(form)), started());
    }

    long insert(GatewayForm form) {
        String name = Text.required(form.name(), "name", 100);
        String pluginId = Text.required(form.plugin(), "plugin", 100);
        PaymentGateway gateway = plugins.extensions(PaymentGateway.class).stream().filter(g -> pluginId.equals(plugins.pluginIdOf(g)))
                .findFirst().orElseThrow(() -> DomainException.badRequest("unknown_plugin", "plugin",
                        "No started plugin " + pluginId + " offers a payment gateway"));
        boolean enabled = form.enabled() == null || form.enabled();
        if (enabled && !takesStoreCurrency(gateway)) {
            throw currencyRefused(gateway);
        }
        Map<String, String> settings = instanceSettings.resolve(gateway, form.settings(), Map.of());
        try {
            return jdbc.sql("INSERT INTO gateway_instance (name, plugin_id, extension_key, settings, enabled, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                    .params(name, pluginId, gateway.key(), instanceSettings.sealed(settings), enabled,
                            UtcTime.column(clock.instant()))
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("gateway_name_taken", "A gateway named " + name + " exists already", name);
        }
    }

    /** Changes an instance's name, settings and whether it is enabled. */
    @PreAuthorize("hasRole('ADMIN')")
    public GatewayView update(long id, GatewayForm form) {
        Instance current = instance(id);
        String name = Text.required(form.name(), "name", 100);
        boolean enabled = form.enabled() == null ? current.enabled() : form.enabled();
        Optional<PaymentGateway> gateway = extension(current.plugin(), current.extension());
        if (enabled && gateway.isPresent() && !takesStoreCurrency(gateway.get())) {
            throw currencyRefused(gateway.get());
        }
        Map<String, String> settings = gateway.map(g -> instanceSettings.resolve(g, form.settings(), current.settings()))
                .orElse(current.settings());
        try {
            jdbc.sql("UPDATE gateway_instance SET name = ?, settings = ?, enabled = ? WHERE id = ?")
                    .params(name, instanceSettings.sealed(settings), enabled, id).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("gateway_name_taken", "A gateway named " + name + " exists already", name);
        }
        return view(instance(id), started());
    }

    Instance instance(long id) {
        return jdbc.sql("SELECT * FROM gateway_instance WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> DomainException.notFound("gateway_not_found", "No such payment gateway"));
    }

    /** Whether such an instance exists (the webhook endpoint answers 404 otherwise, before spending anything on it). */
    public boolean exists(long id) {
        return find(id).isPresent();
    }

    Optional<Instance> find(long id) {
        return jdbc.sql("SELECT * FROM gateway_instance WHERE id = ?").param(id).query(this::map).optional();
    }

    /** For a customer's or a gateway's request: see {@link #connect(Instance, PluginCalls.Kind)}. */
    Connected connect(Instance instance) {
        return connect(instance, PluginCalls.Kind.CUSTOMER);
    }

    /**
     * The instance's extension behind the plugin boundary (deadline of {@code kind}, its own
     * bulkhead, health stored on its row) and its context, or {@code gateway_unavailable} (503)
     * when its plugin is not running.
     */
    Connected connect(Instance instance, PluginCalls.Kind kind) {
        PaymentGateway gateway = extension(instance.plugin(), instance.extension())
                .orElseThrow(() -> new DomainException(503, "gateway_unavailable", null,
                        "The payment gateway " + instance.name() + " is not available right now"));
        HostContext context = plugins.contextFor(gateway, "gateway:" + instance.id(), instance.settings());
        PluginCalls.Target target = new PluginCalls.Target("gateway:" + instance.id(), instance.name(), "gateway",
                (health, reason) -> storeHealth(instance, health, reason));
        return new Connected(instance, plugins.calls().guard(PaymentGateway.class, gateway, target, kind, context), context);
    }

    /** As for providers: one staff alert while the gateway is failing or hanging, resolved by its next good call. */
    private void storeHealth(Instance instance, PluginCalls.Health health, String reason) {
        long id = instance.id();
        if (health.unhealthy()) {
            jdbc.sql("UPDATE gateway_instance SET health = ?, last_error = ? WHERE id = ?").params(health.word(), Text.cut(reason, 1000), id)
                    .update();
            if (alerts.raise("gateway-health:" + id, "Payment gateway " + instance.name() + " is " + health.word() + ": " + reason)) {
                log.warn("Payment gateway {} turned {}: {}", instance.name(), health.word(), reason);
            }
        } else {
            int changed = jdbc.sql("UPDATE gateway_instance SET health = ?, last_error = CASE WHEN ? = 'ok' THEN NULL ELSE last_error END "
                    + "WHERE id = ? AND health <> ?").params(health.word(), health.word(), id, health.word()).update();
            if (changed > 0 && health == PluginCalls.Health.OK) {
                alerts.resolve("gateway-health:" + id);
            }
        }
    }

    /** A gateway's settings, or empty when its plugin fails to describe them (the page shows the others regardless). */
    private Optional<List<SettingDescriptor>> settingsOf(String pluginId, PaymentGateway gateway) {
        return plugins.calls().quietly("plugin:" + pluginId, pluginId, "settings", gateway::settings);
    }

    /** Where the gateway posts its events for this instance. */
    String webhookUrl(long id) {
        return properties.publicUrl().replaceAll("/+$", "") + "/v1/payments/" + id + "/webhook";
    }

    String publicUrl() {
        return properties.publicUrl().replaceAll("/+$", "");
    }

    /**
     * Whether the instance's gateway takes the store's currency. One whose plugin is not running
     * cannot say: it is not refused here, as any call to it answers {@code gateway_unavailable}.
     */
    boolean takesStoreCurrency(Instance instance) {
        return extension(instance.plugin(), instance.extension()).map(this::takesStoreCurrency).orElse(true);
    }

    private boolean takesStoreCurrency(PaymentGateway gateway) {
        return capabilities(gateway).map(c -> c.takes(currency.code())).orElse(true);
    }

    /** Whether staff confirm the payments of this instance by hand (false when its plugin is not running or cannot say). */
    public boolean staffConfirms(long id) {
        return find(id).flatMap(i -> extension(i.plugin(), i.extension())).flatMap(this::capabilities)
                .map(Capabilities::staffConfirms).orElse(false);
    }

    /**
     * Instances whose gateway runs and can be asked about a payment: not those staff confirm (their
     * gateway cannot know), nor those whose plugin is not running or cannot say what it is.
     */
    List<Long> askable() {
        Map<String, PaymentGateway> started = started();
        Map<String, Boolean> askableByGateway = new HashMap<>();
        return jdbc.sql("SELECT id, plugin_id, extension_key FROM gateway_instance ORDER BY id")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2) + "/" + rs.getString(3))).list().stream()
                .filter(row -> askableByGateway.computeIfAbsent(row.getValue(), gateway -> started.containsKey(gateway)
                        && capabilities(started.get(gateway)).map(c -> !c.staffConfirms()).orElse(false)))
                .map(Map.Entry::getKey).toList();
    }

    /** The gateway's capabilities, read through the plugin boundary; empty when it fails to answer. */
    /**
     * What the gateway declares, asked once per loaded extension and remembered: declarations do not
     * change while a plugin runs, and asking on every confirmation would let a burst of them fill the
     * plugin's bulkhead and read "no answer" as "not a manual transfer". A reloaded plugin is a new
     * extension object, asked anew; one that did not answer is asked again next time.
     */
    private Optional<Capabilities> capabilities(PaymentGateway gateway) {
        Capabilities known = declared.get(gateway);
        if (known != null) {
            return Optional.of(known);
        }
        String pluginId = plugins.pluginIdOf(gateway);
        Optional<Capabilities> asked = plugins.calls().quietly("plugin:" + pluginId, pluginId, "capabilities", () -> {
            Set<String> currencies = gateway.currencies();
            return new Capabilities(currencies == null ? Set.of() : currencies.stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet()), gateway.staffConfirms());
        });
        asked.ifPresent(c -> declared.put(gateway, c));
        return asked;
    }

    private DomainException currencyRefused(PaymentGateway gateway) {
        String taken = capabilities(gateway).map(c -> String.join(", ", new TreeSet<>(c.currencies()))).orElse("");
        return DomainException.badRequest("currency_not_supported", "enabled", "This gateway takes only "
                + taken + "; the store's currency is " + currency.code(), taken, currency.code());
    }

    private Optional<PaymentGateway> extension(String pluginId, String key) {
        return plugins.extensions(PaymentGateway.class).stream()
                .filter(g -> pluginId.equals(plugins.pluginIdOf(g)) && key.equals(g.key())).findFirst();
    }

    /** The started gateway extensions by "plugin/key", looked up once per call rather than once per row. */
    private Map<String, PaymentGateway> started() {
        Map<String, PaymentGateway> result = new LinkedHashMap<>();
        for (PaymentGateway gateway : plugins.extensions(PaymentGateway.class)) {
            result.putIfAbsent(plugins.pluginIdOf(gateway) + "/" + gateway.key(), gateway);
        }
        return result;
    }

    private GatewayView view(Instance i, Map<String, PaymentGateway> started) {
        Optional<PaymentGateway> gateway = Optional.ofNullable(started.get(i.plugin() + "/" + i.extension()));
        return new GatewayView(i.id(), i.name(), i.plugin(), i.extension(), gateway.map(PaymentGateway::displayName).orElse(i.plugin()),
                ExtensionSettings.masked(gateway.flatMap(g -> settingsOf(i.plugin(), g)).orElse(null), i.settings()), i.enabled(),
                webhookUrl(i.id()), i.health(), i.lastError());
    }

    private Instance map(ResultSet rs, int row) throws SQLException {
        return new Instance(rs.getLong("id"), rs.getString("name"), rs.getString("plugin_id"), rs.getString("extension_key"),
                Json.readMap(cipher.decrypt(rs.getString("settings"))), rs.getBoolean("enabled"), rs.getString("health"),
                rs.getString("last_error"));
    }

}
