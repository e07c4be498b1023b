package dev.ordino.account;

import java.time.Instant;
import java.util.Set;

/**
 * A user as other features see one. {@code securityVersion} is what tokens issued now carry; it
 * changes when the account is disabled, or its roles or password change.
 */
public record AccountSummary(long id, String email, String displayName, Set<String> roles, boolean enabled,
                             Instant createdAt, boolean emailVerified, String locale, long securityVersion) {
}
