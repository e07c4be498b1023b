package dev.ordino.plugin.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
     * The store currencies this gateway takes (ISO 4217 codes, e.g. {@code IDR}); empty means any.
     * The host lets an instance be enabled, and offers it to customers, only in a store whose
     * currency is one of them.
     *
     * @since 1.2.0
     */
    default Set<String> currencies() {
        return Set.of();
    }

    /**
     * Whether staff confirm this gateway's payments by hand (a bank transfer): nothing arrives by
     * webhook and {@link #status} cannot know, so the host offers staff a "confirm" action for
     * its pending payments and does not ask {@link #status} about them.
     *
     * @since 1.2.0
     */
    default boolean staffConfirms() {
        return false;
    }

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

        /**
         * A webhook the gateway does not accept; {@code type} tells the host what to answer.
         *
         * @param type   why (since 1.2.0)
         * @param reason for the audit log; never a secret
         */
        record Rejected(Rejection type, String reason) implements WebhookResult {

            public Rejected {
                Objects.requireNonNull(type, "type");
            }

            /**
             * A rejection as plugins built for 1.1 word it: the reason's prefix gives its type
             * ({@link Rejection#fromPrefix}).
             */
            public Rejected(String reason) {
                this(Rejection.fromPrefix(reason), reason);
            }
        }

        /** Why a webhook was rejected, and so what the host answers the gateway. */
        enum Rejection {
            /** The signature is missing, wrong or too old: answered 401. */
            BAD_SIGNATURE,
            /** The body cannot be read: answered 400. */
            MALFORMED,
            /** Genuine but not ours, or nothing to act on: answered 200 so the gateway stops sending it. */
            IGNORED,
            /** Cannot be decided now (the gateway's status check failed, the instance is not set up): answered 503 so the gateway retries. */
            GATEWAY_DOWN;

            /**
             * The type of a 1.1 reason: {@code "signature:"}, {@code "ignored:"}, {@code "unavailable:"};
             * anything else (including {@code "malformed:"} and no reason) is {@link #MALFORMED}.
             */
            public static Rejection fromPrefix(String reason) {
                String text = reason == null ? "" : reason;
                if (text.startsWith("signature:")) {
                    return BAD_SIGNATURE;
                }
                if (text.startsWith("ignored:")) {
                    return IGNORED;
                }
                if (text.startsWith("unavailable:")) {
                    return GATEWAY_DOWN;
                }
                return MALFORMED;
            }
        }
    }

    class GatewayException extends ExtensionException {
        public GatewayException(String message, boolean retryable, Throwable cause) {
            super(message, retryable, cause);
        }
    }
}
