package dev.ordino.plugin.api;

import java.util.List;
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
}
