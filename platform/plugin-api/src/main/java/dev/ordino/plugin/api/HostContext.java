package dev.ordino.plugin.api;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the host gives an extension for one call: the settings of the configured instance it
 * acts for, an HTTP client with timeouts, a clock, a logger and a way back into the host.
 * Plugins never see Spring or JPA objects.
 */
public interface HostContext {

    /** Id of the configured instance, e.g. {@code "provider:3"}. */
    String instanceId();

    /** Decrypted settings of this instance, by {@link SettingDescriptor#key()}. */
    Map<String, String> settings();

    default Optional<String> setting(String key) {
        return Optional.ofNullable(settings().get(key)).filter(value -> !value.isBlank());
    }

    /** HTTP client with connect timeout set by the host; set a request timeout on each request. */
    HttpClient httpClient();

    Clock clock();

    /** Logger named after the plugin. Never log secrets. */
    System.Logger logger();

    /** The store's public base URL, e.g. {@code https://shop.example}, for return and webhook URLs. */
    String publicUrl();

    HostCallback callback();
}
