package dev.ordino.plugin.api;

/**
 * An order to place at a provider.
 *
 * @param idempotencyKey stable per order item; providers that support it get it, others ignore it
 */
public record ProviderOrderRequest(String serviceId, String link, long quantity, String idempotencyKey) {
}
