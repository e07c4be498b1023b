package dev.ordino.plugin.api;

import java.util.Map;
import java.util.Objects;

/**
 * An order to place at a provider.
 *
 * @param idempotencyKey stable per order item; providers that support it get it, others ignore it
 * @param extras         what other service types need, by the SMM panel API v2 field name:
 *                       {@code runs} and {@code interval} (drip-feed), {@code comments} (one per line),
 *                       {@code usernames} (one per line), {@code username}, {@code hashtag},
 *                       {@code media}, {@code answer_number}; never {@code null}
 * @since 1.1.0 {@code extras}
 */
public record ProviderOrderRequest(String serviceId, String link, long quantity, String idempotencyKey,
                                   Map<String, String> extras) {

    /** The extra fields a provider may forward, in the order the API v2 lists them. */
    public static final java.util.List<String> EXTRA_FIELDS =
            java.util.List.of("runs", "interval", "comments", "usernames", "username", "hashtag", "media",
                    "answer_number");

    public ProviderOrderRequest {
        Objects.requireNonNull(serviceId, "serviceId");
        extras = extras == null ? Map.of() : Map.copyOf(extras);
    }

    public ProviderOrderRequest(String serviceId, String link, long quantity, String idempotencyKey) {
        this(serviceId, link, quantity, idempotencyKey, Map.of());
    }
}
