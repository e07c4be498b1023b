package dev.ordino.plugin.faulty;

import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;

/** Notification channels that always misbehave, for the notification tests' own plugin host. */
public final class FaultyChannels {

    private FaultyChannels() {
    }

    /** Throws on every message. */
    public static class Throwing implements NotificationChannel {
        @Override
        public String key() {
            return "throwing";
        }

        @Override
        public String displayName() {
            return "Throwing channel (tests)";
        }

        @Override
        public void send(HostContext context, NotificationMessage message) {
            throw new IllegalStateException("the chat service changed its API");
        }
    }

    /** Never answers. */
    public static class Hanging implements NotificationChannel {
        @Override
        public String key() {
            return "hanging";
        }

        @Override
        public String displayName() {
            return "Hanging channel (tests)";
        }

        @Override
        public void send(HostContext context, NotificationMessage message) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
