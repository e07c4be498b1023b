package dev.ordino.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * A plugin as the admin sees it.
 *
 * @param id         plugin id, or the file name when the jar could not even be read
 * @param version    plugin version, or empty
 * @param requires   the plugin API versions it accepts ({@code Plugin-Requires}), or empty
 * @param extensions extension classes it contributes, as {@code ExtensionPoint: Class}
 * @param error      why it failed or was refused, or {@code null}
 */
public record PluginInfo(String id, String version, String description, String provider, String requires,
                         Status status, List<String> extensions, String error, Path path) {

    public enum Status { STARTED, STARTING, STOPPED, DISABLED, INCOMPATIBLE, FAILED }
}
