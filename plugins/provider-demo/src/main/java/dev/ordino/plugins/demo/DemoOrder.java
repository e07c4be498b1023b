package dev.ordino.plugins.demo;

import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderOrderStatus.State;
import dev.ordino.plugin.api.ProviderService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated order, carried entirely in its ref {@code D<placedAtMillis>-<service>-<quantity>-<nonce><check>}:
 * nothing is stored, so any extension instance, before or after a restart, answers the same.
 * The check digits let garbage refs be told apart; the ref's hash fixes start count and outcome.
 *
 * @param hash 64 bits of SHA-256 over the ref body; the top 16 bits are the check digits
 */
record DemoOrder(Instant placedAt, ProviderService service, long quantity, long hash) {

    static final Duration PENDING = Duration.ofSeconds(20);
    private static final Pattern REF = Pattern.compile("D(\\d{1,15})-(\\d{1,6})-(\\d{1,12})-([0-9a-f]{4})([0-9a-f]{4})");
    private static final HexFormat HEX = HexFormat.of();

    static String ref(Instant placedAt, String serviceId, long quantity, int nonce) {
        String body = body(placedAt.toEpochMilli(), serviceId, quantity, HEX.toHexDigits((short) nonce));
        return body + HEX.toHexDigits((short) (hash(body) >>> 48));
    }

    static Optional<DemoOrder> parse(String ref) {
        Matcher m = ref == null ? null : REF.matcher(ref);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String body = body(Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)), m.group(4));
        long hash = hash(body);
        if (!HEX.toHexDigits((short) (hash >>> 48)).equals(m.group(5))) {
            return Optional.empty();
        }
        return DemoCatalog.service(m.group(2)).map(service ->
                new DemoOrder(Instant.ofEpochMilli(Long.parseLong(m.group(1))), service, Long.parseLong(m.group(3)),
                        hash));
    }

    private static String body(long placedAtMillis, String serviceId, long quantity, String nonce) {
        return "D" + placedAtMillis + "-" + serviceId + "-" + quantity + "-" + nonce;
    }

    /** About one order in eight ends Partial. */
    boolean partial() {
        return (hash & 7) == 0;
    }

    /** Time spent in progress: 100 s plus 30 s per power of ten, at most 220 s, so 2 to 4 minutes in all. */
    Duration running() {
        double seconds = Math.min(220, 100 + 30 * Math.log10(Math.max(1, quantity)));
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The status at {@code now} with the clock running {@code speed} times as fast. */
    ProviderOrderStatus statusAt(Instant now, double speed) {
        double elapsedMillis = Math.max(0, Duration.between(placedAt, now).toMillis()) * speed;
        long willDeliver = partial() ? (long) Math.floor(quantity * deliveredShare()) : quantity;
        if (elapsedMillis < PENDING.toMillis()) {
            return new ProviderOrderStatus(State.PENDING, null, quantity, charge(quantity), null);
        }
        double progress = (elapsedMillis - PENDING.toMillis()) / running().toMillis();
        if (progress < 1) {
            long delivered = (long) Math.floor(willDeliver * progress);
            return new ProviderOrderStatus(State.IN_PROGRESS, startCount(), quantity - delivered, charge(quantity),
                    null);
        }
        return partial()
                ? new ProviderOrderStatus(State.PARTIAL, startCount(), quantity - willDeliver, charge(willDeliver), null)
                : new ProviderOrderStatus(State.COMPLETED, startCount(), 0L, charge(quantity), null);
    }

    /** What a partial order delivers in the end: 50 % to 95 %, never all. */
    private double deliveredShare() {
        return 0.50 + ((hash >>> 8) & 0xff) / 255.0 * 0.45;
    }

    private long startCount() {
        return (hash >>> 16) & 0xffff;
    }

    private BigDecimal charge(long units) {
        return service.rate().multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(1000), 5, RoundingMode.HALF_UP);
    }

    private static long hash(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
