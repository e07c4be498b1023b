package dev.ordino.account;

import java.time.Instant;
import java.util.Set;

/** A user as other features see one. */
public record AccountSummary(long id, String email, String displayName, Set<String> roles, boolean enabled,
                             Instant createdAt) {
}
