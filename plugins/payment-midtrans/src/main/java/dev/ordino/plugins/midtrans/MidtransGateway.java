package dev.ordino.plugins.midtrans;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.PaymentGateway;
import dev.ordino.plugin.api.SettingDescriptor;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Midtrans (Indonesia): the hosted Snap page or a QRIS code, in IDR only.
 *
 * <p>Our {@code paymentRef} is Midtrans' {@code order_id}, so {@link #status} and {@link #refund}
 * take either our reference or Midtrans' {@code transaction_id}. A webhook is trusted only after
 * its signature matches and a status call to Midtrans confirms it; the event reports what that
 * call says. A webhook is rejected as {@code BAD_SIGNATURE} (forged), {@code MALFORMED},
 * {@code GATEWAY_DOWN} (status check failed or not set up, so Midtrans retries) or {@code IGNORED}
 * (a status Ordino does not act on).
 */
@Extension
public class MidtransGateway implements PaymentGateway {

    static final int MAX_ITEM_NAME = 50;

    @Override
    public String key() {
        return "midtrans";
    }

    @Override
    public String displayName() {
        return "Midtrans (Snap and QRIS)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return MidtransSettings.descriptors();
    }

    /** Midtrans charges in rupiah only. */
    @Override
    public Set<String> currencies() {
        return Set.of("IDR");
    }

    @Override
    public Map<String, String> validateSettings(Map<String, String> settings) {
        return MidtransSettings.problems(settings);
    }

    @Override
    public PaymentStart startPayment(HostContext context, PaymentRequest request) throws GatewayException {
        MidtransSettings settings = MidtransSettings.from(context);
        if (request.currency() == null || !request.currency().equalsIgnoreCase("IDR")) {
            throw new GatewayException("Midtrans accepts IDR only, not " + request.currency(), false, null);
        }
        long rupiah = Rupiah.whole(request.amount());
        MidtransClient client = new MidtransClient(context, settings);
        JsonObject transaction = transaction(request, rupiah);
        return switch (settings.method()) {
            case SNAP -> startSnap(client, request, transaction);
            case QRIS -> startQris(client, request, transaction);
        };
    }

    private static PaymentStart startSnap(MidtransClient client, PaymentRequest request, JsonObject transaction)
            throws GatewayException {
        if (request.returnUrl() != null && !request.returnUrl().isBlank()) {
            JsonObject callbacks = new JsonObject();
            callbacks.addProperty("finish", request.returnUrl());
            transaction.add("callbacks", callbacks);
        }
        MidtransClient.Answer answer = client.createSnapTransaction(transaction, request.webhookUrl());
        String redirectUrl = MidtransJson.string(answer.body(), "redirect_url");
        if (answer.httpStatus() / 100 != 2 || redirectUrl == null) {
            throw answer.failure("Snap transaction");
        }
        // Snap has no transaction id until the customer picks a method; the order id stands in.
        return new PaymentStart(request.paymentRef(), redirectUrl, null, null);
    }

    /** QRIS: {@code qrString} to render in the store and, when Midtrans offers one, a link to its QR image. */
    private static PaymentStart startQris(MidtransClient client, PaymentRequest request, JsonObject transaction)
            throws GatewayException {
        transaction.addProperty("payment_type", "qris");
        MidtransClient.Answer answer = client.charge(transaction, request.webhookUrl());
        if (!answer.succeeded()) {
            throw answer.failure("QRIS charge");
        }
        String qrString = MidtransJson.string(answer.body(), "qr_string");
        String qrImageUrl = null;
        if (answer.body().get("actions") instanceof JsonArray actions) {
            for (JsonElement action : actions) {
                if (action instanceof JsonObject object && "generate-qr-code".equals(MidtransJson.string(object, "name"))) {
                    qrImageUrl = MidtransJson.string(object, "url");
                }
            }
        }
        if (qrString == null && qrImageUrl == null) {
            throw new GatewayException("Midtrans QRIS charge answered without a QR code", false, null);
        }
        String transactionId = Optional.ofNullable(MidtransJson.string(answer.body(), "transaction_id"))
                .orElse(request.paymentRef());
        return new PaymentStart(transactionId, qrImageUrl, qrString, null);
    }

    private static JsonObject transaction(PaymentRequest request, long rupiah) {
        JsonObject details = new JsonObject();
        details.addProperty("order_id", request.paymentRef());
        details.addProperty("gross_amount", rupiah);
        JsonObject transaction = new JsonObject();
        transaction.add("transaction_details", details);
        if (request.description() != null && !request.description().isBlank()) {
            // Item prices must add up to gross_amount; one item for the whole payment.
            JsonObject item = new JsonObject();
            item.addProperty("id", request.paymentRef());
            item.addProperty("price", rupiah);
            item.addProperty("quantity", 1);
            String name = request.description().strip();
            item.addProperty("name", name.length() > MAX_ITEM_NAME ? name.substring(0, MAX_ITEM_NAME) : name);
            JsonArray items = new JsonArray();
            items.add(item);
            transaction.add("item_details", items);
        }
        if (request.customerEmail() != null && !request.customerEmail().isBlank()) {
            JsonObject customer = new JsonObject();
            customer.addProperty("email", request.customerEmail());
            transaction.add("customer_details", customer);
        }
        return transaction;
    }

    @Override
    public WebhookResult handleWebhook(HostContext context, Map<String, List<String>> headers, byte[] rawBody) {
        MidtransSettings settings;
        try {
            settings = MidtransSettings.from(context);
        } catch (GatewayException e) {
            return rejected(WebhookResult.Rejection.GATEWAY_DOWN, e.getMessage());
        }
        JsonObject notification;
        try {
            notification = JsonParser.parseString(new String(rawBody, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return rejected(WebhookResult.Rejection.MALFORMED, "body is not a JSON object");
        }
        String orderId = MidtransJson.string(notification, "order_id");
        String statusCode = MidtransJson.string(notification, "status_code");
        String grossAmount = MidtransJson.string(notification, "gross_amount");
        String signatureKey = MidtransJson.string(notification, "signature_key");
        if (orderId == null || statusCode == null || grossAmount == null) {
            return rejected(WebhookResult.Rejection.MALFORMED, "order_id, status_code or gross_amount is missing");
        }
        if (signatureKey == null) {
            return rejected(WebhookResult.Rejection.BAD_SIGNATURE, "signature_key is missing");
        }
        if (!NotificationSignature.matches(orderId, statusCode, grossAmount, settings.serverKey(), signatureKey)) {
            return rejected(WebhookResult.Rejection.BAD_SIGNATURE, "signature_key does not match");
        }
        // The signature proves the sender knows our key; the status call says what is true now.
        MidtransClient.Answer answer;
        try {
            answer = new MidtransClient(context, settings).status(orderId);
        } catch (GatewayException e) {
            context.logger().log(Level.WARNING, "Midtrans status check for " + orderId + " failed: " + e.getMessage());
            return rejected(WebhookResult.Rejection.GATEWAY_DOWN, "status check failed: " + e.getMessage());
        }
        if (!answer.hasTransaction()) {
            return rejected(WebhookResult.Rejection.GATEWAY_DOWN, "status check answered " + answer.statusCode()
                    + " " + answer.message());
        }
        return TransactionStatus.toEvent(orderId, answer.body(), true)
                .<WebhookResult>map(WebhookResult.Verified::new)
                .orElseGet(() -> rejected(WebhookResult.Rejection.IGNORED, "transaction status "
                        + MidtransJson.string(answer.body(), "transaction_status")));
    }

    private static WebhookResult rejected(WebhookResult.Rejection type, String reason) {
        return new WebhookResult.Rejected(type, reason);
    }

    /**
     * Asks Midtrans. An order Midtrans does not know yet (a Snap page where the customer has not
     * picked a method) is {@code PENDING} with no gateway reference and no amount. Polled status
     * carries no event id: it is not a gateway event.
     *
     * @param paymentRef our reference (Midtrans' order id) or Midtrans' transaction id
     */
    @Override
    public PaymentEvent status(HostContext context, String paymentRef) throws GatewayException {
        MidtransClient.Answer answer = new MidtransClient(context, MidtransSettings.from(context)).status(paymentRef);
        if (answer.notFound()) {
            return new PaymentEvent(paymentRef, null, PaymentEvent.Status.PENDING, null, null);
        }
        if (!answer.hasTransaction()) {
            throw answer.failure("status check");
        }
        return TransactionStatus.toEvent(paymentRef, answer.body(), false)
                .orElseThrow(() -> new GatewayException("Midtrans reports transaction status "
                        + MidtransJson.string(answer.body(), "transaction_status") + ", which Ordino does not map", false, null));
    }

    /**
     * Refunds in whole rupiah. Midtrans de-duplicates on {@code refund_key}, so a retry with the same
     * idempotency key does not refund twice.
     *
     * @param paymentRef our reference (Midtrans' order id) or Midtrans' transaction id
     * @return Midtrans' {@code refund_chargeback_id}, or the refund key if it sends none
     */
    @Override
    public String refund(HostContext context, String paymentRef, BigDecimal amount, String idempotencyKey)
            throws GatewayException {
        MidtransSettings settings = MidtransSettings.from(context);
        JsonObject refund = new JsonObject();
        refund.addProperty("refund_key", idempotencyKey);
        refund.addProperty("amount", Rupiah.whole(amount));
        refund.addProperty("reason", "Refund from Ordino");
        MidtransClient.Answer answer = new MidtransClient(context, settings).refund(paymentRef, refund);
        if (!answer.succeeded()) {
            throw answer.failure("refund");
        }
        return Optional.ofNullable(MidtransJson.string(answer.body(), "refund_chargeback_id"))
                .or(() -> Optional.ofNullable(MidtransJson.string(answer.body(), "refund_key")))
                .orElse(idempotencyKey);
    }
}
