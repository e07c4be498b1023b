package dev.ordino.reseller;

import dev.ordino.base.db.DatabaseBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Panel API limits, per key and per client address, kept in the database (table {@code api_bucket},
 * Bucket4j's state, as the sign-in limits keep theirs) so every node counts the same calls.
 * Defaults: {@code ordino.reseller.calls-per-key-per-minute} 600 and
 * {@code ordino.reseller.calls-per-address-per-minute} 1200.
 */
@Component
public class PanelLimits {

    private static final Logger log = LoggerFactory.getLogger(PanelLimits.class);
    private static final int CLEAN_EVERY = 500;
    private static final int CLEAN_BATCH = 1_000;

    private final DatabaseBuckets buckets;
    private final BucketConfiguration perKey;
    private final BucketConfiguration perAddress;
    private final AtomicLong uses = new AtomicLong();

    public PanelLimits(DataSource dataSource, @Value("${ordino.reseller.calls-per-key-per-minute:600}") int keyPerMinute,
                       @Value("${ordino.reseller.calls-per-address-per-minute:1200}") int addressPerMinute) {
        this.buckets = new DatabaseBuckets(dataSource, "api_bucket",
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)));
        this.perKey = perMinute(keyPerMinute);
        this.perAddress = perMinute(addressPerMinute);
    }

    private static BucketConfiguration perMinute(int calls) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(calls).refillGreedy(calls, Duration.ofMinutes(1)).build()).build();
    }

    /** Counts a call from an address (before the key is looked at, so guessing keys is limited too). */
    public boolean allowFrom(String address) {
        cleanNowAndThen();
        return buckets.getProxy("address:" + address, () -> perAddress).tryConsume(1);
    }

    /** Counts a call made with a key. */
    public boolean allowKey(long keyId) {
        return buckets.getProxy("key:" + keyId, () -> perKey).tryConsume(1);
    }

    private void cleanNowAndThen() {
        if (uses.incrementAndGet() % CLEAN_EVERY == 0) {
            try {
                buckets.removeExpired(CLEAN_BATCH);
            } catch (RuntimeException e) {
                log.warn("Could not remove expired API buckets: {}", e.toString());
            }
        }
    }
}
