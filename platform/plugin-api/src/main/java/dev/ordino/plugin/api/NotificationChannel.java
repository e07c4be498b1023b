package dev.ordino.plugin.api;

/**
 * Delivers notifications: email, Telegram, Discord, ... A message may carry action buttons;
 * a channel that can render them reports presses through {@link HostCallback#actionPressed}.
 */
public interface NotificationChannel extends OrdinoExtension {

    /**
     * Sends one message. Throwing means "not delivered": the host retries later with the same
     * {@link NotificationMessage#id()}, which a channel may use to avoid duplicates.
     */
    void send(HostContext context, NotificationMessage message) throws ChannelException;

    /** Whether this channel can render {@link MessageAction}s as buttons. */
    default boolean supportsActions() {
        return false;
    }

    /** Delivery failed. */
    class ChannelException extends ExtensionException {
        public ChannelException(String message, boolean retryable, Throwable cause) {
            super(message, retryable, cause);
        }
    }
}
