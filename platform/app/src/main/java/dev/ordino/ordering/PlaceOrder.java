package dev.ordino.ordering;

import java.util.List;

/** An order to place: its lines and how it is paid ("wallet"). */
public record PlaceOrder(List<Line> items, String payment) {

    public record Line(Long productId, Long quantity, String link, String note) {
    }
}
