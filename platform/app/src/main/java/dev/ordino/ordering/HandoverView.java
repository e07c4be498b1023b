package dev.ordino.ordering;

import dev.ordino.catalog.FulfilmentMethod;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The pickup or delivery of an order with products.
 *
 * @param pickupTime  when the customer would like to collect it, as they wrote it (optional)
 * @param bookingCode issued when staff accept the order; shown to its customer and typed or scanned at the hand-over
 */
public record HandoverView(long orderId, FulfilmentMethod method, HandoverStatus status, String address, String phone,
                           String pickupTime, BigDecimal deliveryFee, String bookingCode, Instant readyAt) {
}
