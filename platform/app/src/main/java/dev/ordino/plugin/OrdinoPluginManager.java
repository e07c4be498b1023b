package dev.ordino.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.SingletonExtensionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J's manager, loading and starting plugin by plugin so that one broken jar or a plugin that
 * throws in {@code start()} is recorded and the rest go on.
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
            try {
                startPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                plugin.setPluginState(PluginState.FAILED);
                plugin.setFailedException(e);
                log.error("Plugin {} failed to start: {}", plugin.getPluginId(), describe(e));
            }
        }
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
        java.util.Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                stopPlugin(plugin.getPluginId());
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} did not stop cleanly: {}", plugin.getPluginId(), describe(e));
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
