package dev.ordino.plugin.testing;

import dev.ordino.plugin.api.HostCallback;
import dev.ordino.plugin.api.HostContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** The host as a payment plugin sees it in tests: the given settings, a real HTTP client, a clock. */
public record TestHost(Map<String, String> settings, Clock clock) implements HostContext {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestHost(Map<String, String> settings) {
        this(settings, Clock.systemUTC());
    }

    @Override
    public String instanceId() {
        return "payment:1";
    }

    @Override
    public HttpClient httpClient() {
        return HTTP;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("test-plugin");
    }

    @Override
    public String publicUrl() {
        return "https://shop.example";
    }

    @Override
    public HostCallback callback() {
        return (token, actor) -> "ok";
    }
}
