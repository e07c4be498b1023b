package dev.ordino.stock;

/**
 * Codes of a digital offering became available, saved or released by a checkout ({@code added}
 * counts saved ones only): lines waiting for them can be filled.
 */
public record CodesAdded(long offeringId, int added) {
}
