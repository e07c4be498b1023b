package dev.ordino.stock;

/** New codes of a digital offering were saved: lines waiting for them can be filled. */
public record CodesAdded(long offeringId, int added) {
}
