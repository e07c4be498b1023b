package dev.ordino.plugin;

import dev.ordino.base.DomainException;
import dev.ordino.plugin.api.SettingDescriptor;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of a configured extension instance, checked against what the extension
 * describes: required values, URLs, numbers, choices, booleans; secrets left blank or masked on a change keep
 * their stored value; secrets are shown masked.
 */
public final class ExtensionSettings {

    public static final String MASK = "********";

    private ExtensionSettings() {
    }

    /**
     * The values to store.
     *
     * @throws DomainException {@code setting_required}, {@code invalid_url}, {@code invalid_number}, {@code invalid_choice},
     *                         {@code invalid_boolean}, {@code too_long},
     *                         each with field {@code settings.<key>}
     */
    public static Map<String, String> resolve(List<SettingDescriptor> descriptors, Map<String, String> given,
                                              Map<String, String> stored) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, String> input = given == null ? Map.of() : given;
        // A stored secret must never follow a changed address: it would be sent to wherever the new one points.
        boolean addressChanged = !stored.isEmpty() && descriptors.stream()
                .filter(d -> d.type() == SettingDescriptor.SettingType.URL)
                .anyMatch(d -> {
                    String now = input.get(d.key()) == null ? null : input.get(d.key()).strip();
                    String before = stored.get(d.key());
                    return !Objects.equals(now == null || now.isEmpty() ? d.defaultValue() : now, before);
                });
        for (SettingDescriptor setting : descriptors) {
            String value = input.get(setting.key());
            value = value == null ? null : value.strip();
            if (setting.secret() && (value == null || value.isEmpty() || MASK.equals(value))) {
                if (addressChanged && stored.get(setting.key()) != null) {
                    throw DomainException.badRequest("secret_required", "settings." + setting.key(),
                            "Enter " + setting.label() + " again: the address changed", setting.key());
                }
                value = stored.get(setting.key());
            }
            if (value == null || value.isEmpty()) {
                value = setting.defaultValue();
            }
            if (value == null || value.isEmpty()) {
                if (setting.required()) {
                    throw DomainException.badRequest("setting_required", "settings." + setting.key(),
                            setting.label() + " is required", setting.key());
                }
                continue;
            }
            if (value.length() > 2000) {
                throw DomainException.badRequest("too_long", "settings." + setting.key(), "Use at most 2000 characters", 2000);
            }
            if (setting.type() == SettingDescriptor.SettingType.URL && !isHttpUrl(value)) {
                throw DomainException.badRequest("invalid_url", "settings." + setting.key(),
                        "Enter an address starting with https:// or http://");
            }
            if (setting.type() == SettingDescriptor.SettingType.CHOICE) {
                // Stored as the option is spelled: "SNAP" saved before the setting was a choice stays valid.
                String entered = value;
                value = setting.options().stream().filter(entered::equalsIgnoreCase).findFirst()
                        .orElseThrow(() -> DomainException.badRequest("invalid_choice", "settings." + setting.key(),
                                "Choose one of " + String.join(", ", setting.options()), String.join(", ", setting.options())));
            }
            if (setting.type() == SettingDescriptor.SettingType.BOOLEAN) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw DomainException.badRequest("invalid_boolean", "settings." + setting.key(), "Use true or false");
                }
                value = value.toLowerCase(Locale.ROOT);
            }
            if (setting.type() == SettingDescriptor.SettingType.NUMBER) {
                try {
                    new BigDecimal(value);
                } catch (NumberFormatException e) {
                    throw DomainException.badRequest("invalid_number", "settings." + setting.key(), "Enter a number");
                }
            }
            result.put(setting.key(), value);
        }
        return result;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }


    /** The values to show: secrets masked (all of them when the descriptors are unknown, e.g. the plugin is gone). */
    public static Map<String, String> masked(List<SettingDescriptor> descriptors, Map<String, String> values) {
        Map<String, String> masked = new LinkedHashMap<>(values);
        if (descriptors == null) {
            masked.replaceAll((k, v) -> MASK);
        } else {
            descriptors.stream().filter(SettingDescriptor::secret).forEach(s -> masked.computeIfPresent(s.key(), (k, v) -> MASK));
        }
        return masked;
    }
}
