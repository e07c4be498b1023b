package dev.ordino.plugin.api;

import java.util.Objects;

/**
 * A button on a message, e.g. "Accept" on a new order sent to staff.
 *
 * @param token opaque, at most 64 bytes (fits Telegram callback data); the host resolves it
 * @param label button text
 */
public record MessageAction(String token, String label) {

    public MessageAction {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(label, "label");
        if (token.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("action token longer than 64 bytes");
        }
    }
}
