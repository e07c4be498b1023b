package dev.ordino.security;

import dev.ordino.base.db.DatabaseBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sign-in limits, kept in the database (table {@code sign_in_bucket}, Bucket4j's state) so that
 * every node counts the same attempts:
 * <ul>
 * <li>per client address: {@code ordino.rate-limit.sign-in-per-minute} attempts a minute (default
 * 20) at the sign-in form, {@code POST /v1/auth/token} and {@code POST /v1/auth/register};</li>
 * <li>per e-mail: after {@code ordino.rate-limit.sign-in-per-account} failed sign-ins (default 10)
 * the e-mail is locked until {@code ordino.rate-limit.sign-in-lock} (default 15 min) from its
 * first failure has passed. Unknown e-mails are counted and locked alike, and a locked
 * e-mail is refused before any password is checked, so the answer tells nothing about
 * whether the account exists.</li>
 * </ul>
 * E-mails are stored only as hashes.
 */
@Component
public class SignInLimits {

    private static final Logger log = LoggerFactory.getLogger(SignInLimits.class);
    private static final int CLEAN_EVERY = 200;
    private static final int CLEAN_BATCH = 1_000;

    private final DatabaseBuckets buckets;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perAccount;
    private final AtomicLong uses = new AtomicLong();

    public SignInLimits(DataSource dataSource, @Value("${ordino.rate-limit.sign-in-per-minute:20}") int perMinute,
                        @Value("${ordino.rate-limit.sign-in-per-account:10}") int failuresPerAccount,
                        @Value("${ordino.rate-limit.sign-in-lock:PT15M}") Duration lock) {
        // A bucket's row may go once the bucket is full again (plus a margin): a missing one starts full.
        this.buckets = new DatabaseBuckets(dataSource, "sign_in_bucket", ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
        this.perAddress = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        // All at once after the lock period, not one by one: a locked e-mail stays locked for the period.
        this.perAccount = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failuresPerAccount).refillIntervally(failuresPerAccount, lock).build())
                .build();
    }

    /** Counts one attempt from a client address; empty when allowed, else how long to wait. */
    public Optional<Duration> attemptFrom(String address) {
        cleanNowAndThen();
        ConsumptionProbe probe = buckets.getProxy("address:" + address, () -> perAddress).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(seconds(probe.getNanosToWaitForRefill()));
    }

    /**
     * Runs a password check for this e-mail unless the e-mail is locked; an empty answer counts as a
     * failure.
     *
     * @throws SignInLocked when the e-mail is locked, without running the check
     */
    public <T> Optional<T> check(String email, Supplier<Optional<T>> passwordCheck) {
        cleanNowAndThen();
        BucketProxy failures = buckets.getProxy("account:" + hash(email), () -> perAccount);
        // A failure is booked before the check and given back on success, so attempts running in
        // parallel cannot get past the limit together.
        ConsumptionProbe probe = failures.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new SignInLocked(seconds(probe.getNanosToWaitForRefill()));
        }
        Optional<T> result = passwordCheck.get();
        if (result.isPresent()) {
            failures.addTokens(1);
        }
        return result;
    }

    private static Duration seconds(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    private void cleanNowAndThen() {
        if (uses.incrementAndGet() % CLEAN_EVERY == 0) {
            removeExpired();
        }
    }

    /** Deletes buckets that are full again. */
    int removeExpired() {
        try {
            return buckets.removeExpired(CLEAN_BATCH);
        } catch (RuntimeException e) {
            log.warn("Could not remove expired sign-in buckets: {}", e.toString());
            return 0;
        }
    }

    private static String hash(String email) {
        String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Too many failed sign-ins for one e-mail; try again after {@code retryAfter}. */
    public static class SignInLocked extends RuntimeException {

        private final Duration retryAfter;

        SignInLocked(Duration retryAfter) {
            super("Too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
