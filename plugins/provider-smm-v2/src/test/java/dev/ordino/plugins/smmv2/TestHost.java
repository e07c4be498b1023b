package dev.ordino.plugins.smmv2;

import dev.ordino.plugin.api.HostCallback;
import dev.ordino.plugin.api.HostContext;
import java.net.http.HttpClient;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** The host as a plugin sees it: given settings, a real HTTP client, a logger that keeps its lines. */
final class TestHost implements HostContext, AutoCloseable {

    private final Map<String, String> settings;
    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    TestHost(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    List<String> logLines() {
        return logLines;
    }

    @Override
    public String instanceId() {
        return "provider:1";
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public HttpClient httpClient() {
        return httpClient;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public System.Logger logger() {
        return new System.Logger() {
            @Override
            public String getName() {
                return "provider-smm-v2";
            }

            @Override
            public boolean isLoggable(Level level) {
                return true;
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
                logLines.add(level + " " + message + (thrown == null ? "" : " " + thrown));
            }

            @Override
            public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                logLines.add(level + " " + (params == null ? format : MessageFormat.format(format, params)));
            }
        };
    }

    @Override
    public String publicUrl() {
        return "https://shop.example";
    }

    @Override
    public HostCallback callback() {
        return (token, actor) -> "ok";
    }

    @Override
    public void close() {
        httpClient.close();
    }
}
