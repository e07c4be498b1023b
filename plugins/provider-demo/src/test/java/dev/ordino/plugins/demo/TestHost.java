package dev.ordino.plugins.demo;

import dev.ordino.plugin.api.HostCallback;
import dev.ordino.plugin.api.HostContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** A host whose clock the test moves by hand, and which refuses any network use. */
final class TestHost implements HostContext {

    private final Map<String, String> settings;
    private final MovingClock clock;

    TestHost(Map<String, String> settings, MovingClock clock) {
        this.settings = Map.copyOf(settings);
        this.clock = clock;
    }

    @Override
    public String instanceId() {
        return "provider:demo";
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public HttpClient httpClient() {
        throw new AssertionError("the demo provider must not use the network");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("provider-demo");
    }

    @Override
    public String publicUrl() {
        return "https://shop.example";
    }

    @Override
    public HostCallback callback() {
        return (token, actor) -> "ok";
    }

    /** A clock that stands still until told to move. */
    static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
