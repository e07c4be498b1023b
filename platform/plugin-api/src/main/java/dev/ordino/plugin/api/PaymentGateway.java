package dev.ordino.plugin.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A payment gateway: starts payments, verifies its webhooks, reports status, refunds.
 * Amounts are in the store currency; the gateway converts at the edge (minor units etc.).
 */
public interface PaymentGateway extends OrdinoExtension {

    PaymentStart startPayment(HostContext context, PaymentRequest request) throws GatewayException;

    /**
     * Verifies and reads a webhook. Must not trust anything before the signature is checked.
     *
     * @param headers header names in lower case
     * @param rawBody the body exactly as received
     */
    WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody);

    PaymentEvent status(HostContext context, String paymentRef) throws GatewayException;

    /** Refunds part or all of a payment; answers the gateway's refund reference. */
    String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey)
            throws GatewayException;

    /**
     * A payment to start.
     *
     * @param paymentRef our unique reference (the gateway's order id)
     * @param returnUrl  where the customer comes back to
     * @param webhookUrl where the gateway should post events
     */
    record PaymentRequest(String paymentRef, BigDecimal amount, String currency, String description,
                          String customerEmail, String returnUrl, String webhookUrl) {
    }

    /** How the customer pays: a page to open, a QR string to scan, or instructions. */
    record PaymentStart(String gatewayRef, String redirectUrl, String qrString, String instructions) {
    }

    /** What a gateway says happened to a payment. */
    record PaymentEvent(String paymentRef, String gatewayRef, Status status, BigDecimal amount, String eventId) {
        public enum Status { PENDING, PAID, FAILED, EXPIRED, REFUNDED }
    }

    /** A webhook was either verified or rejected. */
    sealed interface WebhookResult {
        record Verified(PaymentEvent event) implements WebhookResult {
        }

        record Rejected(String reason) implements WebhookResult {
        }
    }

    class GatewayException extends ExtensionException {
        public GatewayException(String message, boolean retryable, Throwable cause) {
            super(message, retryable, cause);
        }
    }
}
