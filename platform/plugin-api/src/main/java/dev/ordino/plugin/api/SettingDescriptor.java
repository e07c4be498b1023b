package dev.ordino.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * One setting an extension instance needs. Secret settings are stored encrypted by the host,
 * shown masked in the admin UI and never logged.
 *
 * @param key          stable key, e.g. {@code "apiUrl"}
 * @param label        label shown to staff (plain text; plugins are not translated by the host)
 * @param type         how the value is entered and checked
 * @param secret       whether the value is a secret (API key, token)
 * @param required     whether an instance can be enabled without it
 * @param defaultValue the value used when staff leave it empty, or {@code null}
 * @param help         one line of help, or {@code null}
 * @param options      the values a {@link SettingType#CHOICE} offers, in order; empty for other types (since 1.2.0)
 */
public record SettingDescriptor(String key, String label, SettingType type, boolean secret, boolean required,
                                String defaultValue, String help, List<String> options) {

    public SettingDescriptor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
        if (type == SettingType.CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("choice setting " + key + " has no options");
        }
        if (type == SettingType.CHOICE && defaultValue != null && !options.contains(defaultValue)) {
            throw new IllegalArgumentException("default of choice setting " + key + " is not one of its options");
        }
    }

    /** A setting without options, as plugins built for 1.1 describe one. */
    public SettingDescriptor(String key, String label, SettingType type, boolean secret, boolean required,
                             String defaultValue, String help) {
        this(key, label, type, secret, required, defaultValue, help, List.of());
    }

    public static SettingDescriptor text(String key, String label) {
        return new SettingDescriptor(key, label, SettingType.TEXT, false, true, null, null);
    }

    public static SettingDescriptor secret(String key, String label) {
        return new SettingDescriptor(key, label, SettingType.TEXT, true, true, null, null);
    }

    /**
     * One of a few values, e.g. {@code tls} or {@code mode}; staff pick it from a list.
     *
     * @since 1.2.0
     */
    public static SettingDescriptor choice(String key, String label, List<String> options, String defaultValue, String help) {
        return new SettingDescriptor(key, label, SettingType.CHOICE, false, defaultValue == null, defaultValue, help, options);
    }

    /**
     * On or off, stored as {@code "true"} or {@code "false"}; staff tick a box.
     *
     * @since 1.2.0
     */
    public static SettingDescriptor flag(String key, String label, boolean defaultValue, String help) {
        return new SettingDescriptor(key, label, SettingType.BOOLEAN, false, false, String.valueOf(defaultValue), help);
    }

    /** How a value is entered and checked. {@code CHOICE} since 1.2.0. */
    public enum SettingType { TEXT, MULTILINE, URL, NUMBER, BOOLEAN, CHOICE }
}
