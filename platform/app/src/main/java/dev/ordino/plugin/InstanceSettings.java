package dev.ordino.plugin;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.base.json.Json;
import dev.ordino.plugin.api.OrdinoExtension;
import dev.ordino.plugin.api.SettingDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The settings of a configured instance (a provider, a gateway) as staff save them: described by
 * its extension, checked by the host against that description ({@link ExtensionSettings}), then by
 * the extension itself ({@code validateSettings}, plugin API 1.2; a plugin built for 1.1 finds no
 * problem). Both questions to the plugin cross the plugin boundary ({@link PluginCalls}).
 */
@Service
public class InstanceSettings {

    private final PluginHost plugins;
    private final SecretCipher cipher;

    InstanceSettings(PluginHost plugins, SecretCipher cipher) {
        this.plugins = plugins;
        this.cipher = cipher;
    }

    /** The values as stored: JSON (an empty object for an instance that has none: its column is never null), encrypted. */
    public String sealed(Map<String, String> settings) {
        return cipher.encrypt(settings.isEmpty() ? "{}" : Json.writeMap(settings));
    }

    /**
     * What the extension says an instance needs.
     *
     * @throws DomainException 502 {@code plugin_error} when the plugin cannot say
     */
    public List<SettingDescriptor> describe(OrdinoExtension extension) {
        String pluginId = plugins.pluginIdOf(extension);
        return plugins.calls().quietly("plugin:" + pluginId, pluginId, "settings", extension::settings)
                .orElseThrow(() -> new DomainException(502, "plugin_error", null, "The plugin " + pluginId + " cannot describe its settings"));
    }

    /**
     * The values to store: {@code given} resolved against {@code stored} (secrets left blank keep
     * theirs), then checked by the extension.
     *
     * @throws DomainException the host's own refusals ({@link ExtensionSettings#resolve}), or 400
     *                         {@code invalid_setting} with field {@code settings.<key>} and the plugin's
     *                         message for the first problem the plugin names
     */
    public Map<String, String> resolve(OrdinoExtension extension, Map<String, String> given, Map<String, String> stored) {
        List<SettingDescriptor> descriptors = describe(extension);
        Map<String, String> settings = ExtensionSettings.resolve(descriptors, given, stored);
        String pluginId = plugins.pluginIdOf(extension);
        PluginCalls.Target target = new PluginCalls.Target("plugin:" + pluginId, pluginId, "plugin", PluginCalls.HealthSink.NONE);
        Map<String, String> problems = plugins.calls().guard(OrdinoExtension.class, extension, target, PluginCalls.Kind.ADMIN, null)
                .validateSettings(Map.copyOf(settings));
        if (problems != null && !problems.isEmpty()) {
            // The form's order, so staff meet the problems top down whatever map the plugin answers.
            String key = descriptors.stream().map(SettingDescriptor::key).filter(problems::containsKey).findFirst()
                    .orElseGet(() -> problems.keySet().stream().filter(Objects::nonNull).sorted().findFirst().orElse(""));
            String message = Text.cut(String.valueOf(problems.get(key)), 300);
            throw DomainException.badRequest("invalid_setting", "settings." + key, message, key, message);
        }
        return settings;
    }
}
