package dev.ordino.plugin.api;

import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * What every Ordino extension has: a stable key, a name for the admin UI and the settings
 * one configured instance of it needs. The host keeps one settings set per instance and
 * passes it in a {@link HostContext} on every call, so one extension serves many instances.
 */
public interface OrdinoExtension extends ExtensionPoint {

    /** Stable key, unique within the plugin, e.g. {@code "smm-v2"}; stored with each instance. */
    String key();

    /** Name shown to staff, e.g. "SMM panel (API v2)". */
    String displayName();

    /** The settings an instance needs; the admin UI renders a form from them. */
    default List<SettingDescriptor> settings() {
        return List.of();
    }

    /**
     * Checks the settings staff entered for an instance, beyond what {@link #settings()} says
     * (required values, URLs, numbers and choices are checked by the host first). The host calls
     * this when an instance is created or changed and refuses it with the first problem.
     *
     * @param settings the values to be stored, by setting key, defaults filled in, secrets included
     * @return problems by setting key ({@code "secretKey" -> "A secret key starts with sk_"}); empty when all is well
     * @since 1.2.0
     */
    default Map<String, String> validateSettings(Map<String, String> settings) {
        return Map.of();
    }
}
