package dev.ordino.plugins.midtrans;

import dev.ordino.plugin.testing.TestHost;
import dev.ordino.plugin.testing.FakeApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent.Status;
import dev.ordino.plugin.api.PaymentGateway.PaymentRequest;
import dev.ordino.plugin.api.PaymentGateway.PaymentStart;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MidtransGatewayTest {

    private static final String SERVER_KEY = "SB-Mid-server-test-key";

    private final MidtransGateway gateway = new MidtransGateway();
    private FakeApi midtrans;

    @BeforeEach
    void start() {
        midtrans = new FakeApi();
    }

    @AfterEach
    void stop() {
        midtrans.close();
    }

    private TestHost host(String method) {
        Map<String, String> settings = new HashMap<>();
        settings.put("serverKey", SERVER_KEY);
        settings.put("apiBase", midtrans.baseUrl());
        settings.put("snapBase", midtrans.baseUrl() + "/snap/");
        settings.put("method", method);
        return new TestHost(settings);
    }

    private static PaymentRequest request(String amount, String currency) {
        return new PaymentRequest("pay-42", new BigDecimal(amount), currency, "1000 followers",
                "buyer@example.com", "https://shop.example/pay/return", "https://shop.example/webhooks/payment/1");
    }

    private static byte[] notification(String transactionStatus, String statusCode, String grossAmount, String signature) {
        JsonObject body = new JsonObject();
        body.addProperty("order_id", "pay-42");
        body.addProperty("transaction_id", "tx-9");
        body.addProperty("transaction_status", transactionStatus);
        body.addProperty("status_code", statusCode);
        body.addProperty("gross_amount", grossAmount);
        body.addProperty("fraud_status", "accept");
        body.addProperty("signature_key", signature);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] signedNotification(String transactionStatus, String statusCode, String grossAmount) {
        return notification(transactionStatus, statusCode, grossAmount,
                NotificationSignature.compute("pay-42", statusCode, grossAmount, SERVER_KEY));
    }

    private void statusAnswer(String transactionStatus, String fraudStatus, String statusCode) {
        midtrans.answer("GET /v2/pay-42/status", 200, """
                {"status_code":"%s","transaction_id":"tx-9","order_id":"pay-42","gross_amount":"10000.00",
                 "transaction_status":"%s","fraud_status":"%s"}""".formatted(statusCode, transactionStatus, fraudStatus));
    }

    private WebhookResult webhook(byte[] body) {
        return gateway.handleWebhook(host("snap"), Map.of("content-type", List.of("application/json")), body);
    }

    @Test
    void snapStartSendsTheOrderWithBasicAuthAndReturnsTheRedirect() throws Exception {
        midtrans.answer("POST /snap/v1/transactions", 201,
                "{\"token\":\"tok-1\",\"redirect_url\":\"https://app.sandbox.midtrans.com/snap/v4/redirection/tok-1\"}");

        PaymentStart start = gateway.startPayment(host("snap"), request("10000.00", "IDR"));

        assertEquals(new PaymentStart("pay-42", "https://app.sandbox.midtrans.com/snap/v4/redirection/tok-1", null, null), start);
        FakeApi.Received sent = midtrans.only();
        String basic = Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + basic, sent.header("Authorization"));
        assertEquals("https://shop.example/webhooks/payment/1", sent.header("X-Override-Notification"));
        JsonObject json = JsonParser.parseString(sent.body()).getAsJsonObject();
        JsonObject details = json.getAsJsonObject("transaction_details");
        assertEquals("pay-42", details.get("order_id").getAsString());
        assertEquals("10000", details.get("gross_amount").toString(), "whole rupiah as a JSON number");
        assertEquals("buyer@example.com", json.getAsJsonObject("customer_details").get("email").getAsString());
        assertEquals("https://shop.example/pay/return", json.getAsJsonObject("callbacks").get("finish").getAsString());
        assertEquals(10000, json.getAsJsonArray("item_details").get(0).getAsJsonObject().get("price").getAsLong());
    }

    @Test
    void qrisStartChargesThroughTheCoreApiAndReturnsTheQrString() throws Exception {
        midtrans.answer("POST /v2/charge", 200, """
                {"status_code":"201","transaction_id":"tx-9","order_id":"pay-42","gross_amount":"10000.00",
                 "transaction_status":"pending","qr_string":"00020101021226620014COM.GO-JEK.WWW",
                 "actions":[{"name":"generate-qr-code","method":"GET","url":"https://api.midtrans.com/v2/qris/tx-9/qr-code"}]}""");

        PaymentStart start = gateway.startPayment(host("qris"), request("10000", "IDR"));

        assertEquals("00020101021226620014COM.GO-JEK.WWW", start.qrString());
        assertEquals("https://api.midtrans.com/v2/qris/tx-9/qr-code", start.redirectUrl());
        assertEquals("tx-9", start.gatewayRef());
        JsonObject json = JsonParser.parseString(midtrans.only().body()).getAsJsonObject();
        assertEquals("qris", json.get("payment_type").getAsString());
        assertEquals("pay-42", json.getAsJsonObject("transaction_details").get("order_id").getAsString());
    }

    @Test
    void aSignedNotificationConfirmedByTheStatusCallIsPaid() {
        statusAnswer("settlement", "accept", "200");

        WebhookResult result = webhook(signedNotification("settlement", "200", "10000.00"));

        PaymentEvent event = assertInstanceOf(WebhookResult.Verified.class, result).event();
        assertEquals("pay-42", event.paymentRef());
        assertEquals("tx-9", event.gatewayRef());
        assertEquals(Status.PAID, event.status());
        assertEquals(0, new BigDecimal("10000").compareTo(event.amount()));
        assertEquals("tx-9:settlement:200", event.eventId());
        assertEquals("GET", midtrans.only().method());
    }

    @Test
    void theStatusCallDecidesNotTheNotification() {
        statusAnswer("pending", "accept", "201");

        WebhookResult result = webhook(signedNotification("settlement", "200", "10000.00"));

        assertEquals(Status.PENDING, assertInstanceOf(WebhookResult.Verified.class, result).event().status());
    }

    @Test
    void aForgedSignatureIsRejectedWithoutCallingMidtrans() {
        statusAnswer("settlement", "accept", "200");

        WebhookResult result = webhook(notification("settlement", "200", "10000.00",
                NotificationSignature.compute("pay-42", "200", "10000.00", "guessed-key")));

        WebhookResult.Rejected rejected = assertInstanceOf(WebhookResult.Rejected.class, result);
        assertEquals(Rejection.BAD_SIGNATURE, rejected.type(), rejected.reason());
        assertFalse(rejected.reason().contains(SERVER_KEY));
        assertTrue(midtrans.received.isEmpty());
    }

    @Test
    void theGrossAmountIsVerifiedExactlyAsSent() {
        statusAnswer("settlement", "accept", "200");
        String signedOverReformattedAmount = NotificationSignature.compute("pay-42", "200", "10000", SERVER_KEY);

        WebhookResult result = webhook(notification("settlement", "200", "10000.00", signedOverReformattedAmount));

        assertEquals(Rejection.BAD_SIGNATURE, assertInstanceOf(WebhookResult.Rejected.class, result).type());
        assertInstanceOf(WebhookResult.Verified.class, webhook(signedNotification("settlement", "200", "10000.00")));
    }

    @Test
    void aCardCaptureUnderFraudChallengeStaysPending() {
        statusAnswer("capture", "challenge", "200");

        WebhookResult result = webhook(signedNotification("capture", "200", "10000.00"));

        assertEquals(Status.PENDING, assertInstanceOf(WebhookResult.Verified.class, result).event().status());
    }

    @Test
    void anAcceptedCardCaptureIsPaid() {
        statusAnswer("capture", "accept", "200");

        WebhookResult result = webhook(signedNotification("capture", "200", "10000.00"));

        assertEquals(Status.PAID, assertInstanceOf(WebhookResult.Verified.class, result).event().status());
    }

    @Test
    void anExpiredTransactionIsExpired() {
        statusAnswer("expire", "accept", "407");

        WebhookResult result = webhook(signedNotification("expire", "407", "10000.00"));

        PaymentEvent event = assertInstanceOf(WebhookResult.Verified.class, result).event();
        assertEquals(Status.EXPIRED, event.status());
        assertEquals("tx-9:expire:407", event.eventId());
    }

    @Test
    void aFailedStatusCheckAsksMidtransToRetry() {
        midtrans.answer("GET /v2/pay-42/status", 503, "{\"status_code\":\"503\",\"status_message\":\"busy\"}");

        WebhookResult result = webhook(signedNotification("settlement", "200", "10000.00"));

        WebhookResult.Rejected rejected = assertInstanceOf(WebhookResult.Rejected.class, result);
        assertEquals(Rejection.GATEWAY_DOWN, rejected.type(), rejected.reason());
    }

    @Test
    void anUnreadableBodyIsMalformed() {
        WebhookResult result = webhook("order_id=pay-42".getBytes(StandardCharsets.UTF_8));

        assertEquals(Rejection.MALFORMED, assertInstanceOf(WebhookResult.Rejected.class, result).type());
    }

    @Test
    void onlyRupiahIsAccepted() {
        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host("snap"), request("10.00", "USD")));

        assertEquals("Midtrans accepts IDR only, not USD", error.getMessage());
        assertFalse(error.retryable());
        assertTrue(midtrans.received.isEmpty());
    }

    @Test
    void fractionsOfARupiahAreRefused() {
        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host("snap"), request("10000.50", "IDR")));

        assertTrue(error.getMessage().contains("whole rupiah"));
        assertFalse(error.retryable());
    }

    @Test
    void aRefundSendsTheRefundKeyAndWholeRupiah() throws Exception {
        midtrans.answer("POST /v2/pay-42/refund", 200, """
                {"status_code":"200","status_message":"Success, refund request is approved","transaction_id":"tx-9",
                 "order_id":"pay-42","gross_amount":"10000.00","refund_chargeback_id":7731,"refund_amount":"5000.00",
                 "refund_key":"refund-pay-42-1"}""");

        String ref = gateway.refund(host("snap"), "pay-42", new BigDecimal("5000.00"), "refund-pay-42-1");

        assertEquals("7731", ref);
        JsonObject json = JsonParser.parseString(midtrans.only().body()).getAsJsonObject();
        assertEquals("refund-pay-42-1", json.get("refund_key").getAsString());
        assertEquals("5000", json.get("amount").toString());
    }

    @Test
    void aRefusedRefundIsNotRetried() {
        midtrans.answer("POST /v2/pay-42/refund", 200,
                "{\"status_code\":\"412\",\"status_message\":\"Merchant cannot modify the status of the transaction\"}");

        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.refund(host("snap"), "pay-42", new BigDecimal("5000"), "refund-pay-42-1"));

        assertFalse(error.retryable());
        assertTrue(error.getMessage().contains("412"));
    }

    @Test
    void aMidtransOutageIsRetryable() {
        midtrans.answer("POST /snap/v1/transactions", 502, "<html>bad gateway</html>");

        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host("snap"), request("10000", "IDR")));

        assertTrue(error.retryable());
    }

    @Test
    void aRefusedServerKeyIsNotRetriedAndNotRepeated() {
        midtrans.answer("POST /snap/v1/transactions", 401, "{\"error_messages\":[\"Access denied\"]}");

        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host("snap"), request("10000", "IDR")));

        assertFalse(error.retryable());
        assertFalse(error.getMessage().contains(SERVER_KEY));
    }

    @Test
    void statusOfAnOrderMidtransDoesNotKnowYetIsPending() throws Exception {
        PaymentEvent event = gateway.status(host("snap"), "pay-42");

        assertEquals(new PaymentEvent("pay-42", null, Status.PENDING, null, null), event);
    }

    @Test
    void statusReportsWhatMidtransSays() throws Exception {
        statusAnswer("settlement", "accept", "200");

        PaymentEvent event = gateway.status(host("snap"), "pay-42");

        assertEquals(Status.PAID, event.status());
        assertEquals("tx-9", event.gatewayRef());
        assertNull(event.eventId());
    }

    @Test
    void itTakesRupiahOnlyAndIsNotConfirmedByStaff() {
        assertEquals(java.util.Set.of("IDR"), gateway.currencies());
        assertFalse(gateway.staffConfirms());
    }

    @Test
    void theMethodIsAChoiceAndProductionABox() {
        var byKey = new java.util.HashMap<String, dev.ordino.plugin.api.SettingDescriptor>();
        gateway.settings().forEach(d -> byKey.put(d.key(), d));
        assertEquals(dev.ordino.plugin.api.SettingDescriptor.SettingType.CHOICE, byKey.get("method").type());
        assertEquals(List.of("snap", "qris"), byKey.get("method").options());
        assertEquals("snap", byKey.get("method").defaultValue());
        assertEquals(dev.ordino.plugin.api.SettingDescriptor.SettingType.BOOLEAN, byKey.get("production").type());
        assertEquals("false", byKey.get("production").defaultValue());
    }

    @Test
    void settingsItCouldNotUseAreProblemsWhenSaved() {
        assertEquals(Map.of(), gateway.validateSettings(Map.of("serverKey", SERVER_KEY, "method", "qris", "production", "false")));
        assertEquals(Map.of(), gateway.validateSettings(Map.of("serverKey", SERVER_KEY)), "defaults need nothing");
        assertEquals(Map.of("method", "Use snap or qris"),
                gateway.validateSettings(Map.of("serverKey", SERVER_KEY, "method", "card")));
        assertEquals(java.util.Set.of("production", "apiBase"),
                gateway.validateSettings(Map.of("serverKey", SERVER_KEY, "production", "yes", "apiBase", "not a url")).keySet());
    }
}
