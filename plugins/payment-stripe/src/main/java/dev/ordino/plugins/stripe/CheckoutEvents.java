package dev.ordino.plugins.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent.Status;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejected;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejection;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * Reads a Stripe webhook: the signature first, then the event's JSON ourselves rather than
 * through stripe-java's models, so an account pinned to another API version still works.
 */
final class CheckoutEvents {

    /** Stripe's recommended limit on a signature's age, against replays. */
    static final long TOLERANCE_SECONDS = 300;

    private CheckoutEvents() {
    }

    static WebhookResult read(String payload, String signatureHeader, String webhookSecret, Clock clock) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new Rejected(Rejection.BAD_SIGNATURE, "Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, webhookSecret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            return new Rejected(Rejection.BAD_SIGNATURE, e.getMessage());
        } catch (RuntimeException e) {
            // stripe-java parses the header's timestamp with Long.parseLong: "t=abc" is a bad signature too.
            return new Rejected(Rejection.BAD_SIGNATURE, "Stripe-Signature header cannot be read");
        }
        JsonObject event;
        try {
            event = JsonParser.parseString(payload).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return new Rejected(Rejection.MALFORMED, "body is not a JSON object");
        }
        String eventId = string(event, "id");
        String type = string(event, "type");
        JsonObject session = event.get("data") instanceof JsonObject data && data.get("object") instanceof JsonObject object
                ? object : null;
        if (eventId == null || type == null || session == null) {
            return new Rejected(Rejection.MALFORMED, "event without id, type or data.object");
        }
        Status status = switch (type) {
            case "checkout.session.completed" -> isPaid(session) ? Status.PAID : Status.PENDING;
            case "checkout.session.async_payment_succeeded" -> Status.PAID;
            case "checkout.session.async_payment_failed" -> Status.FAILED;
            case "checkout.session.expired" -> Status.EXPIRED;
            default -> null;
        };
        if (status == null) {
            return new Rejected(Rejection.IGNORED, type);
        }
        String paymentRef = paymentRef(session);
        if (paymentRef == null) {
            return new Rejected(Rejection.IGNORED, "session " + string(session, "id") + " was not started by Ordino");
        }
        return new WebhookResult.Verified(new PaymentEvent(paymentRef, string(session, "id"), status, amount(session), eventId));
    }

    /** "no_payment_required" is a fully discounted session: nothing left to pay. */
    static boolean isPaid(JsonObject session) {
        String paymentStatus = string(session, "payment_status");
        return "paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus);
    }

    static String paymentRef(JsonObject session) {
        String ref = string(session, "client_reference_id");
        if (ref == null && session.get("metadata") instanceof JsonObject metadata) {
            ref = string(metadata, "paymentRef");
        }
        return ref;
    }

    /** {@code amount_total} in the store currency, or {@code null} if Stripe sent none. */
    static BigDecimal amount(JsonObject session) {
        String total = string(session, "amount_total");
        String currency = string(session, "currency");
        if (total == null || currency == null) {
            return null;
        }
        try {
            return MinorUnits.fromMinor(Long.parseLong(total), currency);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value instanceof JsonPrimitive primitive ? primitive.getAsString() : null;
    }
}
