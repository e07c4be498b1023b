package dev.ordino.plugin.api;

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
 */
public record SettingDescriptor(String key, String label, SettingType type, boolean secret, boolean required,
                                String defaultValue, String help) {

    public SettingDescriptor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }

    public static SettingDescriptor text(String key, String label) {
        return new SettingDescriptor(key, label, SettingType.TEXT, false, true, null, null);
    }

    public static SettingDescriptor secret(String key, String label) {
        return new SettingDescriptor(key, label, SettingType.TEXT, true, true, null, null);
    }

    public enum SettingType { TEXT, MULTILINE, URL, NUMBER, BOOLEAN }
}
