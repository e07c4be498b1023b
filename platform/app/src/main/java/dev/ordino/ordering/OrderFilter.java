package dev.ordino.ordering;

import java.time.LocalDate;
import java.util.Set;

/**
 * Staff search over orders; every field optional. {@code customer} is an id or (part of) an
 * e-mail; dates are inclusive days in UTC.
 */
public record OrderFilter(Set<OrderStatus> statuses, PaymentStatus paymentStatus, String customer, Long offeringId,
                          LocalDate from, LocalDate to) {

    public static OrderFilter none() {
        return new OrderFilter(Set.of(), null, null, null, null, null);
    }
}
