package dev.ordino.plugin;

import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.base.config.ShutdownOrder;
import dev.ordino.plugin.api.HostCallback;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PluginApi;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Hosts the PF4J plugins: loads jars from the {@code plugins/} folder beside the application
 * jar and from {@code ORDINO_PLUGINS_DIR}, with the plugin API version as PF4J's system
 * version. Extensions are looked up on each use, never cached by callers, so a plugin can be
 * stopped or replaced while the app runs. A plugin that fails is listed, never fatal.
 */
@Service
public class PluginHost implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final List<Path> roots;
    private final HttpClient httpClient = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Clock clock;
    private final String publicUrl;
    private final HostCallback callback;
    private final PluginCalls calls;
    private volatile OrdinoPluginManager manager;
    private volatile Duration startTook = Duration.ZERO;

    @Autowired
    PluginHost(OrdinoProperties properties, Clock clock, ApplicationEventPublisher events, PluginCalls calls) {
        this(pluginRoots(properties.pluginsDir()), clock, properties.publicUrl(), (token, actor) -> {
            events.publishEvent(new PluginActionPressed(token, actor));
            return "OK";
        }, calls);
    }

    /** A host on the given folders, outside Spring (tests). */
    PluginHost(List<Path> roots) {
        this(roots, PluginLimits.defaults());
    }

    /** A host on the given folders with the given limits, outside Spring (tests). */
    PluginHost(List<Path> roots, PluginLimits limits) {
        this(roots, Clock.systemUTC(), "http://localhost:8080", (token, actor) -> "Not handled", new PluginCalls(limits));
    }

    private PluginHost(List<Path> roots, Clock clock, String publicUrl, HostCallback callback, PluginCalls calls) {
        this.roots = List.copyOf(roots);
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.callback = callback;
        this.calls = calls;
    }

    /** The boundary calls into this host's plugins cross. */
    public PluginCalls calls() {
        return calls;
    }

    @Override
    public synchronized void start() {
        long began = System.nanoTime();
        log.info("Plugin API {}; loading plugins from {}", PluginApi.version(), roots);
        OrdinoPluginManager pluginManager = new OrdinoPluginManager(roots, PluginApi.version());
        pluginManager.loadPlugins();
        for (PluginWrapper plugin : pluginManager.getPlugins()) {
            if (!isCompatible(pluginManager, plugin.getDescriptor())) {
                log.error("Plugin {} {} refused: it requires plugin API '{}' but this Ordino provides {}",
                        plugin.getPluginId(), plugin.getDescriptor().getVersion(), plugin.getDescriptor().getRequires(),
                        PluginApi.version());
            }
        }
        calls.open();
        this.manager = pluginManager;
        PluginLimits limits = calls.limits();
        pluginManager.startPlugins(limits.startWait(), limits.startTimeout());
        startTook = Duration.ofNanos(System.nanoTime() - began);
        List<PluginInfo> all = plugins();
        log.info("Plugins: {} started, {} starting, {} not started",
                all.stream().filter(p -> p.status() == PluginInfo.Status.STARTED).count(),
                all.stream().filter(p -> p.status() == PluginInfo.Status.STARTING).count(),
                all.stream().filter(p -> p.status() != PluginInfo.Status.STARTED && p.status() != PluginInfo.Status.STARTING).count());
    }

    /**
     * Stops calling plugins, lets running calls finish up to {@code ordino.plugins.stop-timeout},
     * then stops and unloads the plugins.
     */
    @Override
    public synchronized void stop() {
        if (manager != null) {
            int left = calls.drain(calls.limits().stopTimeout());
            if (left > 0) {
                log.warn("{} plugin call(s) still running at shutdown were interrupted", left);
            }
            manager.stopAll();
            manager.unloadPlugins();
            manager = null;
        }
    }

    @Override
    public boolean isRunning() {
        return manager != null;
    }

    /** How long loading and starting the plugins held the application's start. */
    public Duration startTook() {
        return startTook;
    }

    /** Started before the web server and the jobs, stopped after they have finished (see {@link ShutdownOrder}). */
    @Override
    public int getPhase() {
        return ShutdownOrder.PLUGINS_PHASE;
    }

    /** The folders plugins are loaded from, in order. */
    public List<Path> roots() {
        return roots;
    }

    /** Every plugin found, with its state and, if it failed, why. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<PluginInfo> listPlugins() {
        return plugins();
    }

    List<PluginInfo> plugins() {
        OrdinoPluginManager current = manager;
        if (current == null) {
            return List.of();
        }
        List<PluginInfo> result = new ArrayList<>();
        for (PluginWrapper plugin : current.getPlugins()) {
            result.add(describe(current, plugin));
        }
        for (Map.Entry<Path, String> failure : current.loadFailures().entrySet()) {
            result.add(new PluginInfo(failure.getKey().getFileName().toString(), "", "", "", "",
                    PluginInfo.Status.FAILED, List.of(), failure.getValue(), failure.getKey()));
        }
        result.sort(Comparator.comparing(PluginInfo::id));
        return List.copyOf(result);
    }

    /**
     * The started extensions of a type, freshly looked up. An extension that cannot be created
     * is logged and skipped.
     */
    public <T> List<T> extensions(Class<T> type) {
        OrdinoPluginManager current = manager;
        if (current == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (PluginWrapper plugin : current.getStartedPlugins()) {
            for (Class<? extends T> extensionClass : current.getExtensionClasses(type, plugin.getPluginId())) {
                try {
                    result.add(type.cast(current.getExtensionFactory().create(extensionClass)));
                } catch (RuntimeException | LinkageError e) {
                    log.error("Extension {} of plugin {} cannot be created: {}", extensionClass.getName(),
                            plugin.getPluginId(), OrdinoPluginManager.describe(e));
                }
            }
        }
        return result;
    }

    /**
     * The context for one call of an extension acting for a configured instance: its settings,
     * the shared HTTP client, the clock, a logger named after the plugin.
     */
    public HostContext contextFor(Object extension, String instanceId, Map<String, String> settings) {
        String pluginId = pluginIdOf(extension);
        return new PluginHostContext(instanceId, Map.copyOf(settings), new CountingHttpClient(httpClient), clock,
                System.getLogger("plugin." + (pluginId == null ? "host" : pluginId)), publicUrl, callback);
    }

    /** The id of the plugin an extension instance comes from, or {@code null} for the host's own. */
    public String pluginIdOf(Object extension) {
        OrdinoPluginManager current = manager;
        if (current == null) {
            return null;
        }
        PluginWrapper plugin = current.whichPlugin(extension.getClass());
        return plugin == null ? null : plugin.getPluginId();
    }

    private static PluginInfo describe(OrdinoPluginManager manager, PluginWrapper plugin) {
        PluginDescriptor descriptor = plugin.getDescriptor();
        PluginInfo.Status status;
        String error = null;
        if (!isCompatible(manager, descriptor)) {
            status = PluginInfo.Status.INCOMPATIBLE;
            error = "Requires plugin API " + descriptor.getRequires() + ", this Ordino provides " + PluginApi.version();
        } else if (plugin.getPluginState() == PluginState.STARTED) {
            status = PluginInfo.Status.STARTED;
        } else if (plugin.getPluginState() == PluginState.FAILED) {
            status = PluginInfo.Status.FAILED;
            error = plugin.getFailedException() == null ? "Failed" : OrdinoPluginManager.describe(plugin.getFailedException());
        } else if (manager.isStarting(plugin)) {
            status = PluginInfo.Status.STARTING;
        } else if (plugin.getPluginState() == PluginState.DISABLED) {
            status = PluginInfo.Status.DISABLED;
        } else {
            status = PluginInfo.Status.STOPPED;
        }
        List<String> extensions = new ArrayList<>();
        if (plugin.getPluginState() == PluginState.STARTED) {
            for (Class<?> extensionClass : manager.getExtensionClasses(plugin.getPluginId())) {
                extensions.add(extensionPointName(extensionClass) + ": " + extensionClass.getSimpleName());
            }
        }
        return new PluginInfo(descriptor.getPluginId(), nullToEmpty(descriptor.getVersion()),
                nullToEmpty(descriptor.getPluginDescription()), nullToEmpty(descriptor.getProvider()),
                nullToEmpty(descriptor.getRequires()), status, List.copyOf(extensions), error, plugin.getPluginPath());
    }

    private static String extensionPointName(Class<?> extensionClass) {
        for (Class<?> type : extensionClass.getInterfaces()) {
            if (type.getPackageName().equals(PluginApi.class.getPackageName())) {
                return type.getSimpleName();
            }
        }
        return "Extension";
    }

    private static boolean isCompatible(OrdinoPluginManager manager, PluginDescriptor descriptor) {
        String requires = descriptor.getRequires();
        return requires == null || requires.isBlank() || "*".equals(requires.trim())
                || manager.getVersionManager().checkVersionConstraint(PluginApi.version(), requires);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The {@code plugins} folder beside the application jar (for {@code target/classes}, beside
     * {@code target}'s content too), then {@code ORDINO_PLUGINS_DIR}. Missing folders are skipped.
     */
    static List<Path> pluginRoots(Path configured) {
        List<Path> roots = new ArrayList<>();
        Path besideApp = besideApplication();
        if (besideApp != null && Files.isDirectory(besideApp)) {
            roots.add(besideApp);
        }
        if (configured != null) {
            Path dir = configured.toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                log.warn("Plugins folder {} cannot be created: {}", dir, e.getMessage());
            }
            if (Files.isDirectory(dir) && !roots.contains(dir)) {
                roots.add(dir);
            }
        }
        return List.copyOf(roots);
    }

    private static Path besideApplication() {
        try {
            var source = PluginHost.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            String location = source.getLocation().toString();
            // Inside a Spring Boot jar: jar:nested:/path/ordino.jar/!BOOT-INF/classes/!/
            int nested = location.indexOf(".jar");
            Path where;
            if (location.startsWith("jar:") && nested > 0) {
                String jar = location.substring(location.indexOf(':', 4) + 1, nested + 4);
                where = Path.of(jar).getParent();
            } else {
                Path classes = Path.of(source.getLocation().toURI());
                where = Files.isDirectory(classes) ? classes.getParent() : classes.getParent();
            }
            return where == null ? null : where.resolve("plugins").toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            log.warn("Cannot tell where the application jar is; only ORDINO_PLUGINS_DIR is used: {}", e.getMessage());
            return null;
        }
    }
}
