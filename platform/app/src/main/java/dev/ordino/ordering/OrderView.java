package dev.ordino.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as customers, staff and the API see it. Money is exact; totals carry the currency's digits. */
public record OrderView(long id, String number, long customerId, String customerEmail, OrderStatus status,
                        PaymentStatus paymentStatus, String paymentMethod, BigDecimal total, BigDecimal paidAmount,
                        BigDecimal refundedAmount, String currency, Instant createdAt, Instant paidAt,
                        Instant updatedAt, List<OrderItemView> items) {

    /** What can still be refunded. */
    public BigDecimal refundable() {
        return paidAmount.subtract(refundedAmount);
    }
}
