package dev.ordino.plugin;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.SingletonExtensionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's manager, loading and starting plugin by plugin so that one broken jar or a plugin that
 * throws in {@code start()} is recorded and the rest go on. Each {@code start()} runs on its own
 * thread with a deadline, so a plugin that never returns holds neither the application's start
 * nor the other plugins.
 */
class OrdinoPluginManager extends DefaultPluginManager {

    private static final Logger log = LoggerFactory.getLogger(OrdinoPluginManager.class);

    /** Jars that could not be loaded at all, with the reason. */
    private final Map<Path, String> loadFailures = new LinkedHashMap<>();

    OrdinoPluginManager(List<Path> roots, String systemVersion) {
        super(roots);
        setSystemVersion(systemVersion);
    }

    @Override
    protected void initialize() {
        super.initialize();
        // Plugins finish starting on their own threads while requests look extensions up.
        startedPlugins = new CopyOnWriteArrayList<>();
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new CauseKeepingPluginFactory();
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        // One instance per extension class (per class loader), so a channel can keep a connection.
        return new SingletonExtensionFactory(this);
    }

    @Override
    public void loadPlugins() {
        for (Path path : pluginRepository.getPluginPaths()) {
            try {
                loadPlugin(path);
            } catch (RuntimeException | LinkageError e) {
                String reason = describe(e);
                loadFailures.put(path, reason);
                log.error("Plugin {} could not be loaded: {}", path.getFileName(), reason);
            }
        }
    }

    @Override
    public void startPlugins() {
        startPlugins(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    /**
     * Starts every resolved plugin on a thread of its own and waits up to {@code wait} for them
     * all; one still starting after {@code timeout} is interrupted and listed as failed.
     */
    void startPlugins(Duration wait, Duration timeout) {
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (PluginWrapper plugin : new ArrayList<>(getResolvedPlugins())) {
            if (plugin.getPluginState() == PluginState.DISABLED) {
                continue;
            }
            String pluginClass = plugin.getDescriptor().getPluginClass();
            if (pluginClass != null && !pluginClass.isBlank() && !classExists(plugin, pluginClass)) {
                plugin.setPluginState(PluginState.FAILED);
                plugin.setFailedException(new IllegalStateException(
                        "Plugin-Class " + pluginClass + " is not in the plugin jar"));
                log.error("Plugin {} cannot start: its Plugin-Class {} is not in the jar", plugin.getPluginId(), pluginClass);
                continue;
            }
            starting.add(startWithDeadline(plugin, timeout));
        }
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} plugin(s) still starting after {} s; the application goes on without them for now",
                    starting.stream().filter(f -> !f.isDone()).count(), wait.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // each failure is recorded on its plugin
        }
    }

    private CompletableFuture<Void> startWithDeadline(PluginWrapper plugin, Duration timeout) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicBoolean gaveUp = new AtomicBoolean();
        Thread starter = Thread.ofPlatform().daemon().name("plugin-start-" + plugin.getPluginId()).unstarted(() -> {
            try {
                startPlugin(plugin.getPluginId());
                if (gaveUp.get()) {
                    // Too late: it stays failed (PF4J cleared the reason on success) and is stopped again.
                    startedPlugins.remove(plugin);
                    plugin.setPluginState(PluginState.FAILED);
                    plugin.setFailedException(timedOut(timeout));
                    stopQuietly(plugin);
                }
            } catch (Throwable e) {
                if (!gaveUp.get()) {
                    plugin.setPluginState(PluginState.FAILED);
                    plugin.setFailedException(e);
                    log.error("Plugin {} failed to start: {}", plugin.getPluginId(), describe(e));
                }
                if (e instanceof VirtualMachineError error && !(error instanceof StackOverflowError)) {
                    log.error("Plugin {} threw {} while starting", plugin.getPluginId(), error.getClass().getName());
                }
            } finally {
                done.complete(null);
            }
        });
        starter.start();
        Thread.ofVirtual().name("plugin-start-deadline-" + plugin.getPluginId()).start(() -> {
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                gaveUp.set(true);
                startedPlugins.remove(plugin);
                plugin.setPluginState(PluginState.FAILED);
                plugin.setFailedException(timedOut(timeout));
                log.error("Plugin {} did not start within {} s; it is listed as failed", plugin.getPluginId(), timeout.toSeconds());
                starter.interrupt();
            } catch (InterruptedException | ExecutionException e) {
                Thread.currentThread().interrupt();
            }
        });
        return done;
    }

    private static TimeoutException timedOut(Duration timeout) {
        return new TimeoutException("start timed out after " + timeout.toSeconds() + " s");
    }

    private void stopQuietly(PluginWrapper plugin) {
        try {
            plugin.getPlugin().stop();
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin {} did not stop cleanly: {}", plugin.getPluginId(), describe(e));
        }
    }

    /** Whether a plugin is still inside its {@code start()}. */
    boolean isStarting(PluginWrapper plugin) {
        return plugin.getPluginState() == PluginState.RESOLVED && plugin.getFailedException() == null;
    }

    private static boolean classExists(PluginWrapper plugin, String className) {
        try {
            Class.forName(className, false, plugin.getPluginClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** PF4J 3.15's own {@code stopPlugins()} modifies the list it iterates; stop one by one. */
    void stopAll() {
        List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                stopPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} did not stop cleanly: {}", plugin.getPluginId(), describe(e));
            }
        }
    }

    /**
     * PF4J's factory logs a plugin constructor's exception and answers {@code null}, which then
     * shows as a {@code NullPointerException} in {@code start()}; this one lets the real cause through.
     */
    private static final class CauseKeepingPluginFactory extends DefaultPluginFactory {
        @Override
        protected Plugin createInstance(Class<?> pluginClass, PluginWrapper pluginWrapper) {
            try {
                try {
                    return (Plugin) pluginClass.getConstructor(PluginWrapper.class).newInstance(pluginWrapper);
                } catch (NoSuchMethodException e) {
                    return (Plugin) pluginClass.getConstructor().newInstance();
                }
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException("The plugin's constructor failed", cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The plugin class cannot be created", e);
            }
        }
    }

    Map<Path, String> loadFailures() {
        return Map.copyOf(loadFailures);
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable current = e;
        while (current != null && text.length() < 600) {
            if (!text.isEmpty()) {
                text.append(" — caused by: ");
            }
            text.append(current.getClass().getSimpleName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.toString();
    }
}
