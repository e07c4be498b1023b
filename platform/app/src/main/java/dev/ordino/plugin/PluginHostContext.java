package dev.ordino.plugin;

import dev.ordino.plugin.api.HostCallback;
import dev.ordino.plugin.api.HostContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

/** The host context handed to an extension for one call. */
record PluginHostContext(String instanceId, Map<String, String> settings, HttpClient httpClient, Clock clock,
                         System.Logger logger, String publicUrl, HostCallback callback) implements HostContext {
}
