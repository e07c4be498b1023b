package dev.ordino.payment;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits on the webhook endpoint, in two stages so that posts nobody signed never use up
 * what genuine events need: each sender address first ({@code ordino.webhooks.per-address-per-minute},
 * default 300), before anything is read or verified; then, only for events the gateway's plugin
 * verified, each gateway ({@code ordino.webhooks.verified-per-minute}, default 600). Per node, in
 * memory: a limit lost in a restart only errs on the open side.
 */
@Component
public class WebhookLimits {

    /** A crude bound on memory when a flood comes from very many addresses. */
    private static final int MAX_SENDERS = 50_000;

    private final Map<String, Bucket> senders = new ConcurrentHashMap<>();
    private final Map<Long, Bucket> verified = new ConcurrentHashMap<>();
    private final int perAddress;
    private final int verifiedPerGateway;

    WebhookLimits(@Value("${ordino.webhooks.per-address-per-minute:300}") int perAddress,
                  @Value("${ordino.webhooks.verified-per-minute:600}") int verifiedPerGateway) {
        this.perAddress = perAddress;
        this.verifiedPerGateway = verifiedPerGateway;
    }

    /** Whether another post from this address is taken now. */
    public boolean admitSender(String address) {
        if (senders.size() > MAX_SENDERS) {
            senders.clear();
        }
        return senders.computeIfAbsent(address, a -> perMinute(perAddress)).tryConsume(1);
    }

    /** Whether another verified event of this gateway is applied now (else the gateway retries later). */
    boolean admitVerified(long gatewayId) {
        return verified.computeIfAbsent(gatewayId, id -> perMinute(verifiedPerGateway)).tryConsume(1);
    }

    private static Bucket perMinute(int count) {
        return Bucket.builder().addLimit(limit -> limit.capacity(count).refillGreedy(count, Duration.ofMinutes(1))).build();
    }
}
