package dev.ordino.plugins.midtrans;

import com.google.gson.JsonObject;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent.Status;
import java.math.BigDecimal;
import java.util.Optional;

/** Midtrans' transaction status (from a status check) as a {@link PaymentEvent}. */
final class TransactionStatus {

    private TransactionStatus() {
    }

    /**
     * Maps {@code transaction_status} and {@code fraud_status}. A card {@code capture} counts as paid
     * only when the fraud check accepted it; {@code challenge} waits for staff in the Midtrans
     * dashboard. Empty for statuses Ordino does not act on (e.g. chargebacks).
     */
    static Optional<Status> map(String transactionStatus, String fraudStatus) {
        if (transactionStatus == null) {
            return Optional.empty();
        }
        return switch (transactionStatus) {
            case "settlement" -> Optional.of(Status.PAID);
            case "capture" -> Optional.of(switch (fraudStatus == null ? "" : fraudStatus) {
                case "accept" -> Status.PAID;
                case "deny" -> Status.FAILED;
                default -> Status.PENDING;
            });
            case "pending", "authorize" -> Optional.of(Status.PENDING);
            case "deny", "cancel", "failure" -> Optional.of(Status.FAILED);
            case "expire" -> Optional.of(Status.EXPIRED);
            case "refund", "partial_refund" -> Optional.of(Status.REFUNDED);
            default -> Optional.empty();
        };
    }

    /**
     * The event for a status answer. {@code amount} is the payment's {@code gross_amount} (whole
     * rupiah, the store currency), also for refunds. The event id is stable for one state of one
     * transaction, so repeated notifications of the same state de-duplicate; partial refunds
     * differ by their running total.
     *
     * @param withEventId {@code false} for polled status, which is not a gateway event
     */
    static Optional<PaymentEvent> toEvent(String orderId, JsonObject answer, boolean withEventId) {
        String transactionStatus = MidtransJson.string(answer, "transaction_status");
        Optional<Status> status = map(transactionStatus, MidtransJson.string(answer, "fraud_status"));
        if (status.isEmpty()) {
            return Optional.empty();
        }
        String transactionId = MidtransJson.string(answer, "transaction_id");
        String paymentRef = Optional.ofNullable(MidtransJson.string(answer, "order_id")).orElse(orderId);
        String eventId = null;
        if (withEventId) {
            String refunded = MidtransJson.string(answer, "refund_amount");
            eventId = transactionId + ":" + transactionStatus + ":" + MidtransJson.string(answer, "status_code")
                    + (status.get() == Status.REFUNDED && refunded != null ? ":" + refunded : "");
        }
        return Optional.of(new PaymentEvent(paymentRef, transactionId, status.get(), amount(answer), eventId));
    }

    static BigDecimal amount(JsonObject answer) {
        String gross = MidtransJson.string(answer, "gross_amount");
        try {
            return gross == null ? null : new BigDecimal(gross.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
