package dev.ordino.account;

import dev.ordino.base.DomainException;
import dev.ordino.base.UtcTime;
import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.security.PasswordResets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset and e-mail verification by single-use tokens mailed to the account's address.
 * Only a token's SHA-256 is stored ({@code account_token}); a token works once, within an hour
 * (reset) or 48 hours (verification). Asking for a reset answers the same whether or not the
 * address has an account; at most one reset mail a minute goes to an account. Verification never
 * blocks signing in or ordering, and is skipped while no e-mail channel is enabled.
 */
@Service
public class AccountTokens implements PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(AccountTokens.class);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);
    static final Duration VERIFY_LIFETIME = Duration.ofHours(48);
    private static final Duration RESET_EVERY = Duration.ofMinutes(1);
    private static final String RESET = "password_reset";
    private static final String VERIFY = "verify_email";

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final AccountMail mail;
    private final OrdinoProperties properties;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, AccountService accounts, AccountMail mail, OrdinoProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether "Forgot password" can be offered: an e-mail channel is enabled. */
    @Override
    public boolean offered() {
        return mail.available();
    }

    /** Mails a reset link to the account with this address, if there is one; tells the caller nothing either way. */
    @Transactional
    public void requestReset(String email) {
        Optional<AccountSummary> account = accounts.enabledByEmail(email == null ? "" : email);
        if (account.isEmpty()) {
            return;
        }
        long id = account.get().id();
        Instant now = clock.instant();
        boolean recent = jdbc.sql("SELECT COUNT(*) FROM account_token WHERE user_id = ? AND purpose = ? AND created_at > ?")
                .params(id, RESET, UtcTime.column(now.minus(RESET_EVERY))).query(Long.class).single() > 0;
        if (recent) {
            return;
        }
        String token = issue(id, RESET, now.plus(RESET_LIFETIME));
        if (!mail.send(AccountMail.Kind.PASSWORD_RESET, "password_reset:" + hash(token).substring(0, 24), account.get(),
                properties.publicUrl() + "/reset-password?token=" + token)) {
            log.info("No e-mail channel is enabled: the password reset for account {} was not mailed", id);
        }
    }

    /**
     * Sets a new password with a reset token, which is used up.
     *
     * @throws DomainException 400 {@code invalid_token} (used, expired or unknown), {@code weak_password}
     */
    @Transactional
    public void confirmReset(String token, String password) {
        long userId = use(token, RESET);
        try {
            accounts.resetPassword(userId, password);
        } catch (RegistrationException e) {
            throw DomainException.badRequest("weak_password", "password",
                    "Use a password of " + AccountService.MIN_PASSWORD_LENGTH + " to " + AccountService.MAX_PASSWORD_BYTES + " characters");
        }
        // Any other reset link of the account stops working too.
        jdbc.sql("UPDATE account_token SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
                .params(UtcTime.column(clock.instant()), userId, RESET).update();
    }

    /**
     * Marks the account's address as verified.
     *
     * @throws DomainException 400 {@code invalid_token}
     */
    @Transactional
    public void verify(String token) {
        accounts.markEmailVerified(use(token, VERIFY));
    }

    /** A new account is asked to verify its address, when mail can be sent. */
    @ApplicationModuleListener
    void on(AccountCreated event) {
        if (!mail.available()) {
            return;
        }
        accounts.recipient(event.accountId()).filter(a -> !a.emailVerified()).ifPresent(account -> {
            String token = issue(account.id(), VERIFY, clock.instant().plus(VERIFY_LIFETIME));
            mail.send(AccountMail.Kind.VERIFY_EMAIL, "verify_email:" + account.id(), account,
                    properties.publicUrl() + "/verify-email?token=" + token);
        });
    }

    private String issue(long userId, String purpose, Instant expires) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO account_token (user_id, purpose, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(userId, purpose, hash(token), UtcTime.column(expires), UtcTime.column(clock.instant())).update();
        return token;
    }

    /** Uses the token up: one conditional UPDATE, so two requests with it cannot both succeed. */
    private long use(String token, String purpose) {
        DomainException invalid = DomainException.badRequest("invalid_token", "token", "This link was used already, has expired or is unknown");
        if (token == null || token.isBlank() || token.length() > 100) {
            throw invalid;
        }
        String hash = hash(token.strip());
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE account_token SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                .params(UtcTime.column(now), hash, purpose, UtcTime.column(now)).update();
        if (used == 0) {
            throw invalid;
        }
        return jdbc.sql("SELECT user_id FROM account_token WHERE token_hash = ?").param(hash).query(Long.class).single();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
