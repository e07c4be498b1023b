package dev.ordino.ordering;

import java.util.List;

/**
 * An order to place: its lines, how it is paid ("wallet") and, for products, pickup or delivery
 * (null: pickup).
 */
public record PlaceOrder(List<Line> items, String payment, FulfilmentChoice fulfilment) {

    public PlaceOrder(List<Line> items, String payment) {
        this(items, payment, null);
    }

    /**
     * One line. {@code runs} and {@code interval} (minutes) spread a drip-feed service over
     * several runs of {@code quantity} each; {@code comments} and {@code usernames} take one
     * entry per line for the services that need them, and then set the quantity.
     */
    public record Line(Long productId, Long quantity, String link, String note, Integer runs, Integer interval,
                       String comments, String usernames) {

        public Line(Long productId, Long quantity, String link, String note) {
            this(productId, quantity, link, note, null, null, null, null);
        }
    }
}
