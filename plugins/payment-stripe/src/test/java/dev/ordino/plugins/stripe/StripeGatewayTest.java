package dev.ordino.plugins.stripe;

import dev.ordino.plugin.testing.TestHost;
import dev.ordino.plugin.testing.FakeApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ordino.plugin.api.PaymentGateway.GatewayException;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent;
import dev.ordino.plugin.api.PaymentGateway.PaymentEvent.Status;
import dev.ordino.plugin.api.PaymentGateway.PaymentRequest;
import dev.ordino.plugin.api.PaymentGateway.PaymentStart;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult;
import dev.ordino.plugin.api.PaymentGateway.WebhookResult.Rejection;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeGatewayTest {

    private static final String SECRET_KEY = "sk_test_51Ordino";
    private static final String WEBHOOK_SECRET = "whsec_test_ordino";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SESSION = """
            {"id":"cs_test_a1","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_a1",
             "status":"%s","payment_status":"%s","amount_total":1250,"currency":"usd",
             "client_reference_id":"pay-42","payment_intent":"pi_1","metadata":{"paymentRef":"pay-42"}}""";

    private final StripeGateway gateway = new StripeGateway();
    private FakeApi stripe;

    @BeforeEach
    void start() {
        stripe = new FakeApi();
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private TestHost host() {
        Map<String, String> settings = new HashMap<>();
        settings.put("secretKey", SECRET_KEY);
        settings.put("webhookSecret", WEBHOOK_SECRET);
        settings.put("apiBase", stripe.baseUrl());
        return new TestHost(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static PaymentRequest request(String amount, String currency) {
        return new PaymentRequest("pay-42", new BigDecimal(amount), currency, "1000 followers",
                "buyer@example.com", "https://shop.example/pay/return", "https://shop.example/webhooks/payment/2");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static String event(String type, String status, String paymentStatus) {
        return """
                {"id":"evt_1","object":"event","type":"%s","api_version":"2019-02-19","data":{"object":%s}}"""
                .formatted(type, SESSION.formatted(status, paymentStatus));
    }

    private static String sign(String payload, long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
    }

    private WebhookResult webhook(String payload, String signatureHeader) {
        Map<String, List<String>> headers = signatureHeader == null
                ? Map.of() : Map.of("stripe-signature", List.of(signatureHeader));
        return gateway.handleWebhook(host(), headers, payload.getBytes(StandardCharsets.UTF_8));
    }

    private WebhookResult signedWebhook(String payload) throws Exception {
        return webhook(payload, sign(payload, NOW.getEpochSecond() - 10, WEBHOOK_SECRET));
    }

    private static WebhookResult.Rejected rejection(WebhookResult result) {
        return assertInstanceOf(WebhookResult.Rejected.class, result);
    }

    @Test
    void startingAPaymentCreatesACheckoutSessionInMinorUnits() throws Exception {
        stripe.answer("POST /v1/checkout/sessions", 200, SESSION.formatted("open", "unpaid"));

        PaymentStart start = gateway.startPayment(host(), request("12.50", "USD"));

        assertEquals(new PaymentStart("cs_test_a1", "https://checkout.stripe.com/c/pay/cs_test_a1", null, null), start);
        FakeApi.Received sent = stripe.only();
        assertEquals("Bearer " + SECRET_KEY, sent.header("Authorization"));
        Map<String, String> form = form(sent.body());
        assertEquals("payment", form.get("mode"));
        assertEquals("pay-42", form.get("client_reference_id"));
        assertEquals("pay-42", form.get("metadata[paymentRef]"));
        assertEquals("usd", form.get("line_items[0][price_data][currency]"));
        assertEquals("1250", form.get("line_items[0][price_data][unit_amount]"));
        assertEquals("1", form.get("line_items[0][quantity]"));
        assertEquals("1000 followers", form.get("line_items[0][price_data][product_data][name]"));
        assertEquals("https://shop.example/pay/return", form.get("success_url"));
        assertEquals("https://shop.example/pay/return", form.get("cancel_url"));
        assertEquals("buyer@example.com", form.get("customer_email"));
    }

    @Test
    void zeroDecimalCurrenciesAreSentAsWholeUnits() throws Exception {
        stripe.answer("POST /v1/checkout/sessions", 200, SESSION.formatted("open", "unpaid"));

        gateway.startPayment(host(), request("500", "JPY"));

        assertEquals("500", form(stripe.only().body()).get("line_items[0][price_data][unit_amount]"));
    }

    @Test
    void amountsFinerThanTheCurrencyAllowsAreRefused() {
        GatewayException yen = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host(), request("500.5", "JPY")));
        GatewayException cents = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host(), request("12.505", "USD")));

        assertFalse(yen.retryable());
        assertFalse(cents.retryable());
        assertTrue(stripe.received.isEmpty());
    }

    @Test
    void minorUnitsFollowStripesCurrencyList() throws Exception {
        assertEquals(1250, MinorUnits.toMinor(new BigDecimal("12.50"), "eur"));
        assertEquals(1250, MinorUnits.toMinor(new BigDecimal("1.25"), "KWD"));
        assertEquals(50000, MinorUnits.toMinor(new BigDecimal("500"), "ISK"));
        assertEquals(1_000_000_00L, MinorUnits.toMinor(new BigDecimal("1000000"), "IDR"));
        assertEquals(0, new BigDecimal("1.25").compareTo(MinorUnits.fromMinor(1250, "kwd")));
        assertEquals(0, new BigDecimal("500").compareTo(MinorUnits.fromMinor(500, "jpy")));
    }

    @Test
    void aCompletedAndPaidSessionIsPaidInTheStoreCurrency() throws Exception {
        WebhookResult result = signedWebhook(event("checkout.session.completed", "complete", "paid"));

        PaymentEvent event = assertInstanceOf(WebhookResult.Verified.class, result).event();
        assertEquals(new PaymentEvent("pay-42", "cs_test_a1", Status.PAID, new BigDecimal("12.50"), "evt_1"), event);
    }

    @Test
    void aCompletedSessionStillClearingIsPending() throws Exception {
        WebhookResult result = signedWebhook(event("checkout.session.completed", "complete", "unpaid"));

        assertEquals(Status.PENDING, assertInstanceOf(WebhookResult.Verified.class, result).event().status());
    }

    @Test
    void aClearedDelayedPaymentIsPaidAndAFailedOneFailed() throws Exception {
        WebhookResult succeeded = signedWebhook(event("checkout.session.async_payment_succeeded", "complete", "paid"));
        WebhookResult failed = signedWebhook(event("checkout.session.async_payment_failed", "complete", "unpaid"));

        assertEquals(Status.PAID, assertInstanceOf(WebhookResult.Verified.class, succeeded).event().status());
        assertEquals(Status.FAILED, assertInstanceOf(WebhookResult.Verified.class, failed).event().status());
    }

    @Test
    void anExpiredSessionIsExpired() throws Exception {
        WebhookResult result = signedWebhook(event("checkout.session.expired", "expired", "unpaid"));

        assertEquals(Status.EXPIRED, assertInstanceOf(WebhookResult.Verified.class, result).event().status());
    }

    @Test
    void aForgedSignatureIsRejected() throws Exception {
        String payload = event("checkout.session.completed", "complete", "paid");

        WebhookResult.Rejected rejected = rejection(webhook(payload, sign(payload, NOW.getEpochSecond(), "whsec_guessed")));

        assertEquals(Rejection.BAD_SIGNATURE, rejected.type(), rejected.reason());
        assertFalse(rejected.reason().contains(WEBHOOK_SECRET));
    }

    @Test
    void aSignatureOlderThanFiveMinutesIsRejected() throws Exception {
        String payload = event("checkout.session.completed", "complete", "paid");

        WebhookResult.Rejected rejected = rejection(webhook(payload, sign(payload, NOW.getEpochSecond() - 301, WEBHOOK_SECRET)));

        assertEquals(Rejection.BAD_SIGNATURE, rejected.type(), rejected.reason());
    }

    @Test
    void aTamperedBodyIsRejected() throws Exception {
        String payload = event("checkout.session.completed", "complete", "paid");
        String signature = sign(payload, NOW.getEpochSecond(), WEBHOOK_SECRET);

        WebhookResult.Rejected rejected = rejection(webhook(payload.replace("1250", "125000"), signature));

        assertEquals(Rejection.BAD_SIGNATURE, rejected.type(), rejected.reason());
    }

    @Test
    void aWebhookWithoutSignatureIsRejected() {
        assertEquals(Rejection.BAD_SIGNATURE, rejection(webhook(event("checkout.session.completed", "complete", "paid"), null))
                .type());
    }

    @Test
    void anUnreadableSignatureHeaderIsABadSignature() {
        String payload = event("checkout.session.completed", "complete", "paid");
        for (String header : List.of("t=abc,v1=xyz", "t=99999999999999999999,v1=00", "garbage", "t=,v1=")) {
            assertEquals(Rejection.BAD_SIGNATURE, rejection(webhook(payload, header)).type(), header);
        }
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsMalformed() throws Exception {
        assertEquals(Rejection.MALFORMED, rejection(signedWebhook("[1,2]")).type());
    }

    @Test
    void otherEventTypesAreIgnored() throws Exception {
        assertEquals(new WebhookResult.Rejected(Rejection.IGNORED, "payment_intent.created"),
                rejection(signedWebhook(event("payment_intent.created", "open", "unpaid"))));
    }

    @Test
    void aRefundGoesToTheSessionsPaymentWithTheIdempotencyKey() throws Exception {
        stripe.answer("GET /v1/checkout/sessions/cs_test_a1", 200, SESSION.formatted("complete", "paid"));
        stripe.answer("POST /v1/refunds", 200,
                "{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":500,\"currency\":\"usd\",\"payment_intent\":\"pi_1\"}");

        String ref = gateway.refund(host(), "cs_test_a1", new BigDecimal("5.00"), "refund-pay-42-1");

        assertEquals("re_1", ref);
        FakeApi.Received refund = stripe.received.get(1);
        assertEquals("/v1/refunds", refund.path());
        assertEquals("refund-pay-42-1", refund.header("Idempotency-Key"));
        Map<String, String> form = form(refund.body());
        assertEquals("pi_1", form.get("payment_intent"));
        assertEquals("500", form.get("amount"));
    }

    @Test
    void statusReadsTheSession() throws Exception {
        stripe.answer("GET /v1/checkout/sessions/cs_test_a1", 200, SESSION.formatted("complete", "paid"));

        PaymentEvent event = gateway.status(host(), "cs_test_a1");

        assertEquals(new PaymentEvent("pay-42", "cs_test_a1", Status.PAID, new BigDecimal("12.50"), null), event);
    }

    @Test
    void statusAndRefundNeedTheSessionId() {
        GatewayException status = assertThrows(GatewayException.class, () -> gateway.status(host(), "pay-42"));
        GatewayException refund = assertThrows(GatewayException.class,
                () -> gateway.refund(host(), "pay-42", BigDecimal.ONE, "refund-1"));

        assertFalse(status.retryable());
        assertFalse(refund.retryable());
        assertTrue(stripe.received.isEmpty());
    }

    @Test
    void aRefusedSecretKeyIsNotRetriedAndNotRepeated() {
        stripe.answer("POST /v1/checkout/sessions", 401,
                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: sk_test_****dino\"}}");

        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host(), request("12.50", "USD")));

        assertFalse(error.retryable());
        assertFalse(error.getMessage().contains("sk_test"));
        assertNull(error.getCause());
    }

    @Test
    void aRequestStripeRefusesIsNotRetried() {
        stripe.answer("POST /v1/checkout/sessions", 400,
                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid currency: xyz\"}}");

        GatewayException error = assertThrows(GatewayException.class,
                () -> gateway.startPayment(host(), request("12.50", "XYZ")));

        assertFalse(error.retryable());
        assertTrue(error.getMessage().contains("Invalid currency"));
    }

    @Test
    void aStripeOutageIsRetryable() {
        stripe.answer("GET /v1/checkout/sessions/cs_test_a1", 503,
                "{\"error\":{\"type\":\"api_error\",\"message\":\"Service unavailable\"}}");

        GatewayException error = assertThrows(GatewayException.class, () -> gateway.status(host(), "cs_test_a1"));

        assertTrue(error.retryable());
    }

    @Test
    void itTakesAnyCurrencyAndIsNotConfirmedByStaff() {
        assertTrue(gateway.currencies().isEmpty());
        assertFalse(gateway.staffConfirms());
    }

    @Test
    void aKeyInTheWrongFieldIsAProblemWhenSavedAndTheProblemNeverRepeatsIt() {
        assertEquals(Map.of(), gateway.validateSettings(Map.of("secretKey", SECRET_KEY, "webhookSecret", WEBHOOK_SECRET)));
        assertEquals(Map.of(), gateway.validateSettings(Map.of("secretKey", "rk_live_restricted", "webhookSecret", WEBHOOK_SECRET)));

        Map<String, String> problems = gateway.validateSettings(Map.of("secretKey", "pk_test_publishable", "webhookSecret", SECRET_KEY));
        assertEquals(java.util.Set.of("secretKey", "webhookSecret"), problems.keySet());
        assertFalse(problems.values().stream().anyMatch(message -> message.contains("pk_test_publishable") || message.contains(SECRET_KEY)));
    }
}
