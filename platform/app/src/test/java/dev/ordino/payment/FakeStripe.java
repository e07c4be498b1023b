package dev.ordino.payment;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's API as a real HTTP server on 127.0.0.1: Checkout Sessions (created, read, marked
 * paid or expired by the test), refunds; and Stripe-signed events (HMAC-SHA256 over
 * "timestamp.payload", as Stripe signs them). Sessions' payment pages are on this server too.
 */
public final class FakeStripe implements AutoCloseable {

    public static final String SECRET_KEY = "sk_test_ordino";
    public static final String WEBHOOK_SECRET = "whsec_ordino_test";

    final FakeGatewayApi api;
    /** Session id → [reference, amount in minor units, status, payment status]. */
    final Map<String, String[]> sessions = new ConcurrentHashMap<>();

    public FakeStripe() throws IOException {
        api = new FakeGatewayApi();
        api.on("POST /v1/checkout/sessions", request -> {
            Map<String, String> form = form(request.body());
            String reference = form.get("client_reference_id");
            String id = "cs_test_" + reference.replace("-", "_");
            sessions.put(id, new String[]{reference, form.get("line_items[0][price_data][unit_amount]"), "open", "unpaid"});
            return new FakeGatewayApi.Answer(200, session(id));
        });
        api.on("GET /v1/checkout/sessions/cs_test_.*", request -> new FakeGatewayApi.Answer(200,
                session(request.path().substring(request.path().lastIndexOf('/') + 1))));
        api.on("POST /v1/refunds", request -> new FakeGatewayApi.Answer(200, "{\"id\":\"re_" + api.count("POST /v1/refunds")
                + "\",\"object\":\"refund\",\"amount\":" + form(request.body()).get("amount") + ",\"currency\":\"usd\",\"status\":\"succeeded\"}"));
        api.on("GET /pay/.*", request -> new FakeGatewayApi.Answer(200, "{\"page\":\"Stripe Checkout (test)\"}"));
    }

    /** The settings of a gateway instance pointed at this server. */
    public Map<String, String> settings() {
        return Map.of("secretKey", SECRET_KEY, "webhookSecret", WEBHOOK_SECRET, "apiBase", api.url());
    }

    String session(String id) {
        String[] s = sessions.get(id);
        return """
                {"id":"%s","object":"checkout.session","url":"%s/pay/%s","status":"%s","payment_status":"%s",
                 "amount_total":%s,"currency":"usd","client_reference_id":"%s","payment_intent":"pi_%s","metadata":{"paymentRef":"%s"}}"""
                .formatted(id, api.url(), id, s[2], s[3], s[1], s[0], id, s[0]);
    }

    public void paid(String sessionId) {
        sessions.get(sessionId)[2] = "complete";
        sessions.get(sessionId)[3] = "paid";
    }

    public void expired(String sessionId) {
        sessions.get(sessionId)[2] = "expired";
    }

    /** An event about a session, its amount as given (minor units), or as the session was created when {@code null}. */
    public String event(String eventId, String type, String sessionId, String amountTotal) {
        String[] s = sessions.get(sessionId);
        String object = amountTotal == null ? session(sessionId)
                : session(sessionId).replace("\"amount_total\":" + s[1], "\"amount_total\":" + amountTotal);
        return """
                {"id":"%s","object":"event","type":"%s","api_version":"2019-02-19","data":{"object":%s}}""".formatted(eventId, type, object);
    }

    /** The Stripe-Signature header for a payload, signed now (minus {@code ageSeconds}) with {@code secret}. */
    public static String sign(String payload, long ageSeconds, String secret) {
        try {
            long timestamp = Instant.now().getEpochSecond() - ageSeconds;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String payload) {
        return sign(payload, 0, WEBHOOK_SECRET);
    }

    public long count(String methodAndPathRegex) {
        return api.count(methodAndPathRegex);
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    @Override
    public void close() {
        api.close();
    }
}
