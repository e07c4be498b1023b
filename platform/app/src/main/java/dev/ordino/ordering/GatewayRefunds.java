package dev.ordino.ordering;

import java.math.BigDecimal;

/** Refunds back through the gateway that took an order's money, offered by the payment module. */
public interface GatewayRefunds {

    /**
     * Refunds part or all of what an order's gateway payment took. The same idempotency key
     * refunds once, also when two requests arrive together.
     */
    OrderAdminService.RefundResult refund(long orderId, BigDecimal amount, String reason, String actor, String idempotencyKey);
}
