package dev.ordino.reseller;

import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.security.SignInVersions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' keys for the panel API. A key is 32 random bytes, shown once; only its SHA-256 is kept
 * (a fast hash is enough for a random secret of this size, and every API call checks one). The
 * prefix stays visible so a customer can tell keys apart. A key stops working at once when it is
 * revoked, rotated, disabled by staff, or when its account is disabled.
 */
@Service
public class ApiKeys {

    public static final int MAX_NAME = 100;
    public static final int MAX_KEYS = 20;
    public static final int MAX_ADDRESSES = 20;
    private static final String KEY_START = "ord_";
    private static final int PREFIX_LENGTH = KEY_START.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SignInVersions accounts;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, SignInVersions accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new or rotated key: the only time {@code key} is seen. */
    public record CreatedKey(long id, String name, String prefix, String key) {
    }

    /** A key as its owner sees it later: never the key, its prefix and when it was last used. */
    public record KeyView(long id, String name, String prefix, List<String> allowedIps, Instant createdAt,
                          Instant lastUsedAt, boolean active, boolean disabled) {
    }

    /** Whose a presented key is, for one call. */
    public record KeyHolder(long keyId, long userId, String prefix, AllowedAddresses addresses) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public CreatedKey create(long userId, String name, List<String> allowedIps) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME) {
            throw DomainException.badRequest("invalid_name", "name", "Enter a name of at most " + MAX_NAME + " characters", MAX_NAME);
        }
        AllowedAddresses addresses = AllowedAddresses.parse(allowedIps, MAX_ADDRESSES);
        long count = jdbc.sql("SELECT COUNT(*) FROM api_key WHERE user_id = ? AND revoked_at IS NULL").param(userId)
                .query(Long.class).single();
        if (count >= MAX_KEYS) {
            throw DomainException.conflict("too_many_keys", "At most " + MAX_KEYS + " keys per account; revoke one first", MAX_KEYS);
        }
        String key = newKey();
        jdbc.sql("INSERT INTO api_key (user_id, name, prefix, key_hash, allowed_ips, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(userId, cleanName, prefixOf(key), hash(key), addresses.text(), UtcTime.column(clock.instant())).update();
        long id = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        return new CreatedKey(id, cleanName, prefixOf(key), key);
    }

    /** The owner's keys that are not revoked, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<KeyView> mine(long userId) {
        return jdbc.sql("SELECT k.id, k.name, k.prefix, k.allowed_ips, k.created_at, k.disabled_at, "
                        + "(SELECT MAX(c.called_at) FROM api_call c WHERE c.key_id = k.id) "
                        + "FROM api_key k WHERE k.user_id = ? AND k.revoked_at IS NULL ORDER BY k.id DESC")
                .param(userId)
                .query((rs, n) -> new KeyView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        AllowedAddresses.parse(splitText(rs.getString(4)), Integer.MAX_VALUE).entries(),
                        UtcTime.instant(rs.getObject(5, LocalDateTime.class)),
                        UtcTime.instant(rs.getObject(7, LocalDateTime.class)),
                        rs.getObject(6) == null, rs.getObject(6) != null))
                .list();
    }

    /** Revokes one of the owner's keys; another customer's key does not exist for them. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void revoke(long userId, long keyId) {
        int changed = jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
                .params(UtcTime.column(clock.instant()), keyId, userId).update();
        if (changed == 0) {
            throw notFound();
        }
    }

    /** A new secret for the same key (same name, limits and idempotency keys); the old secret is dead at once. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public CreatedKey rotate(long userId, long keyId) {
        String key = newKey();
        int changed = jdbc.sql("UPDATE api_key SET key_hash = ?, prefix = ?, rotated_at = ? WHERE id = ? AND user_id = ? "
                        + "AND revoked_at IS NULL")
                .params(hash(key), prefixOf(key), UtcTime.column(clock.instant()), keyId, userId).update();
        if (changed == 0) {
            throw notFound();
        }
        String name = jdbc.sql("SELECT name FROM api_key WHERE id = ?").param(keyId).query(String.class).single();
        return new CreatedKey(keyId, name, prefixOf(key), key);
    }

    /** Staff turn a key off (abuse, a leak); its owner sees it disabled and can only revoke it. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    @Transactional
    public void disable(long keyId, String actor) {
        int changed = jdbc.sql("UPDATE api_key SET disabled_at = COALESCE(disabled_at, ?), disabled_by = COALESCE(disabled_by, ?) "
                        + "WHERE id = ?")
                .params(UtcTime.column(clock.instant()), actor, keyId).update();
        if (changed == 0) {
            throw notFound();
        }
    }

    /** The holder of a presented key, if it is live and its account enabled. One indexed read per call. */
    public Optional<KeyHolder> holder(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, user_id, prefix, allowed_ips FROM api_key WHERE key_hash = ? AND revoked_at IS NULL "
                        + "AND disabled_at IS NULL")
                .param(hash(key.strip()))
                .query((rs, n) -> new KeyHolder(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        AllowedAddresses.parse(splitText(rs.getString(4)), Integer.MAX_VALUE)))
                .optional()
                .filter(holder -> accounts.isEnabled(holder.userId()));
    }

    private static List<String> splitText(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    private static DomainException notFound() {
        return DomainException.notFound("api_key_not_found", "No such API key");
    }

    private static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String prefixOf(String key) {
        return key.substring(0, PREFIX_LENGTH);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
