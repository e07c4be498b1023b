package dev.ordino.plugin.api;

import java.util.Locale;

/**
 * Delivers notifications: email, Telegram, Discord, ... A message may carry action buttons;
 * a channel that can render them reports presses through {@link HostCallback#actionPressed}.
 *
 * <p>Since 1.3.0 the host calls {@link #deliver}, which answers a reference to the message sent so
 * it can be {@linkplain #edit edited} later. A plugin built for 1.1 or 1.2 implements {@link #send}
 * only; {@code deliver} then sends through it and answers no reference.
 */
public interface NotificationChannel extends OrdinoExtension {

    /** A plugin built for 1.3 implements {@link #deliver} instead; this is kept for plugins built for 1.1 and 1.2. */
    default void send(HostContext context, NotificationMessage message) throws ChannelException {
        throw new ChannelException(displayName() + " implements neither send nor deliver", false, null);
    }

    /**
     * Sends one message. Throwing means "not delivered": the host retries later with the same
     * {@link NotificationMessage#id()}, which a channel may use to avoid duplicates; a
     * {@linkplain ChannelException#retryable() non-retryable} failure is not tried again.
     *
     * @return what the channel needs to {@linkplain #edit edit} the message later (a chat and message id),
     *         at most 200 characters, or {@code null} when it cannot be edited
     * @since 1.3.0
     */
    default String deliver(HostContext context, NotificationMessage message) throws ChannelException {
        send(context, message);
        return null;
    }

    /**
     * Replaces a message sent before with a new text and new buttons (a staff message once the
     * order moved on). An unchanged message is not a failure.
     *
     * @param messageRef what {@link #deliver} answered for it
     * @since 1.3.0
     */
    default void edit(HostContext context, String messageRef, NotificationMessage message) throws ChannelException {
        throw new ChannelException(displayName() + " cannot edit messages", false, null);
    }

    /** Whether this channel can render {@link MessageAction}s as buttons. */
    default boolean supportsActions() {
        return false;
    }

    /**
     * What the channel delivers to, so the host can route a customer's preferences ("e-mail me",
     * "Telegram me") without knowing plugins. A channel that reaches only the destination in its
     * settings (a staff room, a log) answers {@link RecipientKind#OTHER}: customers are never routed to it.
     *
     * @since 1.3.0
     */
    default RecipientKind recipientKind() {
        return RecipientKind.OTHER;
    }

    /**
     * The kinds of address a channel delivers to.
     *
     * @since 1.3.0
     */
    enum RecipientKind {
        /** {@link NotificationMessage#recipient()} is an e-mail address. */
        EMAIL,
        /** A Telegram chat id. */
        TELEGRAM,
        /** A Discord channel or webhook. */
        DISCORD,
        /** Only the destination in the instance's settings. */
        OTHER;

        /** As stored and in the API: {@code email}, {@code telegram}, {@code discord}, {@code other}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Delivery failed. */
    class ChannelException extends ExtensionException {
        public ChannelException(String message, boolean retryable, Throwable cause) {
            super(message, retryable, cause);
        }
    }
}
