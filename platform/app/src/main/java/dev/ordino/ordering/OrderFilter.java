package dev.ordino.ordering;

import java.time.LocalDate;
import java.util.Set;

/**
 * Staff search over orders; every field optional. {@code customer} is an id or (part of) an
 * e-mail; {@code text} finds an order by its number, an item's link or its customer; dates are
 * inclusive days in UTC.
 */
public record OrderFilter(Set<OrderStatus> statuses, PaymentStatus paymentStatus, String customer, Long offeringId,
                          LocalDate from, LocalDate to, String text) {

    public OrderFilter(Set<OrderStatus> statuses, PaymentStatus paymentStatus, String customer, Long offeringId,
                       LocalDate from, LocalDate to) {
        this(statuses, paymentStatus, customer, offeringId, from, to, null);
    }

    public static OrderFilter none() {
        return new OrderFilter(Set.of(), null, null, null, null, null);
    }
}
