package dev.ordino.base.api;

import dev.ordino.base.DomainException;

/** The {@code Idempotency-Key} header, checked the same way wherever it is taken. */
public final class IdempotencyKey {

    /** The width of every {@code idempotency_key} column. */
    public static final int MAX_LENGTH = 100;

    private IdempotencyKey() {
    }

    /**
     * The key stripped, or {@code null} when none was sent.
     *
     * @throws DomainException 400 {@code invalid_idempotency_key}: longer than 100 characters or with control characters
     */
    public static String of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String key = header.strip();
        if (key.length() > MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.badRequest("invalid_idempotency_key", "Idempotency-Key",
                    "Use at most " + MAX_LENGTH + " characters, no control characters", MAX_LENGTH);
        }
        return key;
    }
}
