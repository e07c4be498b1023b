package dev.ordino.wallet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Top-ups a customer started and has not seen credited yet, with what they need to finish paying.
 * Offered by the payment module to the wallet page without the wallet depending on it.
 */
public interface PendingTopUps {

    /** One pending top-up: the gateway's page, QR code or bank instructions, and whether the customer said it was paid. */
    record PendingTopUp(long paymentId, String reference, BigDecimal amount, String gatewayName, Instant createdAt,
                        String redirectUrl, String qrString, String instructions, Instant reportedPaidAt) {
    }

    /** The customer's pending top-ups, newest first (at most 20). */
    List<PendingTopUp> pending(long customerId);

    /**
     * The customer says the money was sent: staff are told, once. Paying again is not asked for.
     *
     * @throws dev.ordino.base.DomainException {@code payment_not_found} (404), {@code already_settled} (409)
     */
    void reportPaid(long customerId, long paymentId);
}
