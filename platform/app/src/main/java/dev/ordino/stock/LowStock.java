package dev.ordino.stock;

/** The available codes of a digital offering fell to its low-stock threshold. */
public record LowStock(long offeringId, String offeringName, long available, int threshold) {
}
