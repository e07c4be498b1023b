package dev.ordino.fulfilment;

/** An order line's fate at its provider is for staff to settle (every provider refused it, or no clear answer). Staff only. */
public record ProviderOrderNeedsAttention(long orderId, long itemId, String reason) {
}
