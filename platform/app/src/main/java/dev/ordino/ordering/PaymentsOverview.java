package dev.ordino.ordering;

import java.math.BigDecimal;

/**
 * Payments waiting for money, for the back office's dashboard. Offered by the payment module
 * without ordering depending on it.
 */
public interface PaymentsOverview {

    /** Pending payments: how many, how much, and how many of them the customer says are paid. */
    record Pending(long count, BigDecimal amount, long reportedPaid) {
    }

    Pending pending();

    /** Whether customers can pay through at least one enabled gateway. */
    boolean gatewayReady();
}
