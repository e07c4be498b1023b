package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Figures;
import dev.ordino.RunningOrdino;
import dev.ordino.payment.FakeStripe;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The webhook endpoint under attack: floods of unsigned posts cannot keep a genuine event out nor
 * fill the database, a malformed signature is a bad signature, and a "paid" event must say how
 * much was paid. Different senders are different loopback addresses (the server listens on all).
 */
@RunningOrdino
class WebhookLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api api;
    String admin;
    FakeStripe stripe;
    long gateway;

    @BeforeEach
    void stripeGateway() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
        stripe = new FakeStripe();
        gateway = Long.parseLong(Api.field(api.post("/v1/admin/gateways", admin, """
                {"name":"Stripe %s","plugin":"payment-stripe","settings":{"secretKey":"%s","webhookSecret":"%s","apiBase":"%s"}}"""
                .formatted(UUID.randomUUID(), FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.settings().get("apiBase")))
                .body(), "id"));
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    RawHttp.Answer post(String from, String body, String signature) throws Exception {
        Map<String, String> headers = signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Stripe-Signature", signature);
        return RawHttp.send(from, port, "POST", "/v1/payments/" + gateway + "/webhook", headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A customer's pending top-up, already paid at (fake) Stripe: answers [token, session id]. */
    String[] paidTopUp(String amount) throws Exception {
        String customer = api.newCustomer("hook-" + UUID.randomUUID() + "@example.com");
        String id = Api.field(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"" + amount + "\",\"gateway\":" + gateway + "}")
                .body(), "id");
        stripe.paid("cs_test_pay_" + id);
        return new String[]{customer, "cs_test_pay_" + id, id};
    }

    @Test
    void aFloodOfUnsignedPostsFromOneAddressNeitherBlocksTheGenuineEventNorFillsTheDatabase() throws Exception {
        String[] topUp = paidTopUp("9.00");
        String junk = "{\"id\":\"evt_forged\",\"padding\":\"" + "x".repeat(16 * 1024) + "\"}";
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        CountDownLatch flooded = new CountDownLatch(700);
        String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", topUp[1], null);
        RawHttp.Answer genuine;
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < 900; i++) {
                String signature = i % 2 == 0 ? null : "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64);
                posts.add(pool.submit(() -> {
                    int status = post("127.0.0.2", junk, signature).status();
                    answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    flooded.countDown();
                    return null;
                }));
            }
            // The genuine event arrives from its own address while the flood is still going on.
            flooded.await();
            genuine = post("127.0.0.3", event, FakeStripe.sign(event));
            for (Future<?> post : posts) {
                post.get();
            }
        }
        Figures.report("Webhook flood: 900 unsigned posts in %d ms, answers %s", (System.nanoTime() - started) / 1_000_000, answers);
        assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
        assertThat(Api.field(api.get("/v1/wallet", topUp[0]).body(), "balance")).isEqualTo("9.00");
        assertThat(answers.keySet()).as("refused, never applied or failed").containsOnly(401, 429);
        assertThat(answers.get(429).get()).as("the flooding address is slowed down").isPositive();

        var kept = jdbc.sql("SELECT COUNT(*), COALESCE(MAX(LENGTH(body)), 0) FROM payment_event WHERE gateway_id = ? AND verified = FALSE")
                .param(gateway).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        assertThat(kept[0]).as("rejected posts kept").isPositive().isLessThanOrEqualTo(100);
        assertThat(kept[1]).as("bytes kept of a rejected body").isLessThanOrEqualTo(8 * 1024);
        assertThat(jdbc.sql("SELECT SUM(received) FROM webhook_rejection WHERE gateway_id = ?").param(gateway).query(Long.class).single())
                .as("every refused post that was read is counted").isEqualTo(answers.get(401).longValue());
    }

    @Test
    void aMalformedSignatureIsABadSignature() throws Exception {
        String[] topUp = paidTopUp("3.00");
        String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", topUp[1], null);
        for (String signature : List.of("t=abc,v1=xyz", "t=,v1=", "v1=" + "a".repeat(64), "t=99999999999999999999999,v1=00")) {
            RawHttp.Answer answer = post("127.0.0.4", event, signature);
            assertThat(answer.status()).as(signature + " " + answer.body()).isEqualTo(401);
            assertThat(Api.field(answer.body(), "code")).isEqualTo("invalid_signature");
        }
        assertThat(Api.field(api.get("/v1/wallet", topUp[0]).body(), "balance")).isEqualTo("0.00");
    }

    @Test
    void aSignedPaidEventWithoutAnAmountCreditsNothing() throws Exception {
        String[] topUp = paidTopUp("4.00");
        String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", topUp[1], null)
                .replaceAll("\"amount_total\":\\d+,\\s*", "");
        assertThat(event).doesNotContain("amount_total");
        RawHttp.Answer answer = post("127.0.0.5", event, FakeStripe.sign(event));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(Api.field(answer.body(), "code")).isEqualTo("missing_amount");
        assertThat(Api.field(api.get("/v1/wallet", topUp[0]).body(), "balance")).isEqualTo("0.00");
        HttpResponse<String> payment = api.get("/v1/wallet/top-ups/" + topUp[2], topUp[0]);
        assertThat(payment.body()).contains("\"status\":\"pending\"");
        assertThat(api.get("/v1/admin/payments/" + topUp[2], admin).body()).contains("missing_amount");
    }
}
