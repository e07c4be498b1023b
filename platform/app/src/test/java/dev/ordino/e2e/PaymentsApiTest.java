package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.payment.FakeStripe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Top-ups, checkout payments, webhooks, manual confirmation and gateway refunds over HTTP. */
@RunningOrdino
class PaymentsApiTest {

    @LocalServerPort
    int port;

    HttpResponse<String> webhook(long gateway, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/payments/" + gateway + "/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void topUpsAndCheckoutThroughStripeAndAManualTransferConfirmedByStaff() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String customer = api.newCustomer("payer-" + UUID.randomUUID() + "@example.com");
        try (FakeStripe stripe = new FakeStripe()) {
            HttpResponse<String> created = api.post("/v1/admin/gateways", admin, """
                    {"name":"Stripe %s","plugin":"payment-stripe","settings":{"secretKey":"%s","webhookSecret":"%s","apiBase":"%s"}}"""
                    .formatted(UUID.randomUUID(), FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.settings().get("apiBase")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).contains("\"secretKey\":\"********\"").doesNotContain(FakeStripe.SECRET_KEY)
                    .contains("/webhook");
            long gateway = Long.parseLong(Api.field(created.body(), "id"));
            assertThat(api.get("/v1/admin/gateways", admin).body()).contains("payment-stripe");

            HttpResponse<String> topUp = api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"15.00\",\"gateway\":" + gateway + "}");
            assertThat(topUp.statusCode()).as(topUp.body()).isEqualTo(201);
            assertThat(topUp.body()).contains("\"status\":\"pending\"").contains("\"redirectUrl\":\"http://127.0.0.1:");
            String id = Api.field(topUp.body(), "id");
            String session = "cs_test_pay_" + id;
            stripe.paid(session);
            String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", session, null);

            HttpResponse<String> forged = webhook(gateway, event, FakeStripe.sign(event, 0, "whsec_wrong"));
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(webhook(gateway, "{oops", FakeStripe.sign("{oops")).statusCode()).isEqualTo(400);
            assertThat(webhook(gateway, event, null).statusCode()).isEqualTo(401);
            assertThat(webhook(gateway, event, FakeStripe.sign(event)).statusCode()).isEqualTo(200);
            assertThat(webhook(gateway, event, FakeStripe.sign(event)).statusCode()).as("a repeat").isEqualTo(200);
            assertThat(api.get("/v1/wallet/top-ups/" + id, customer).body()).contains("\"status\":\"paid\"");
            assertThat(Api.field(api.get("/v1/wallet", customer).body(), "balance")).isEqualTo("15.00");

            assertThat(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"-1\",\"gateway\":" + gateway + "}").body())
                    .contains("amount");
            assertThat(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"5000000\",\"gateway\":" + gateway + "}").body())
                    .contains("amount_out_of_range");
            assertThat(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"5.00\",\"gateway\":999999}").statusCode()).isEqualTo(400);
            assertThat(api.get("/v1/wallet/top-ups/" + id, api.newCustomer("other-" + UUID.randomUUID() + "@example.com"))
                    .statusCode()).as("someone else's top-up").isEqualTo(404);

            String product = Api.field(api.get("/v1/products?type=custom", null).body(), "id");
            HttpResponse<String> order = api.post("/v1/orders", customer,
                    "{\"items\":[{\"productId\":" + product + ",\"quantity\":1}],\"payment\":\"gateway:" + gateway + "\"}");
            assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
            assertThat(order.body()).contains("\"paymentStatus\":\"pending\"").contains("\"payment\":{").contains("\"redirectUrl\"");
            String orderId = Api.field(order.body(), "id");
            String paymentId = Api.field(order.body().substring(order.body().indexOf("\"payment\":{")), "id");
            String orderSession = "cs_test_pay_" + paymentId;
            stripe.paid(orderSession);
            String paid = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", orderSession, null);
            assertThat(webhook(gateway, paid, FakeStripe.sign(paid)).statusCode()).isEqualTo(200);
            assertThat(api.get("/v1/orders/" + orderId, customer).body()).contains("\"paymentStatus\":\"paid\"");
            HttpResponse<String> refund = api.post("/v1/admin/orders/" + orderId + "/refunds", admin,
                    "{\"amount\":\"10.00\",\"reason\":\"Goodwill\",\"to\":\"gateway\"}", "refund-" + UUID.randomUUID());
            assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
            assertThat(refund.body()).contains("\"paymentStatus\":\"partially_refunded\"");
            assertThat(stripe.count("POST /v1/refunds")).isEqualTo(1);
            assertThat(Api.field(api.get("/v1/wallet", customer).body(), "balance")).as("refunded to the card").isEqualTo("15.00");
        }

        HttpResponse<String> manual = api.post("/v1/admin/gateways", admin, """
                {"name":"Bank %s","plugin":"payment-manual","settings":{"instructions":"Transfer {amount} to ACME Bank 123, reference {reference}"}}"""
                .formatted(UUID.randomUUID()));
        assertThat(manual.statusCode()).as(manual.body()).isEqualTo(201);
        long bank = Long.parseLong(Api.field(manual.body(), "id"));
        HttpResponse<String> transfer = api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"25.00\",\"gateway\":\"gateway:" + bank + "\"}");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(201);
        assertThat(transfer.body()).contains("ACME Bank 123").contains("25");
        String transferId = Api.field(transfer.body(), "id");
        assertThat(api.post("/v1/admin/payments/" + transferId + "/confirm", customer, "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> confirmed = api.post("/v1/admin/payments/" + transferId + "/confirm", admin, "{}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(api.post("/v1/admin/payments/" + transferId + "/confirm", admin, "{}").statusCode()).as("twice").isEqualTo(409);
        assertThat(Api.field(api.get("/v1/wallet", customer).body(), "balance")).isEqualTo("40.00");
        assertThat(api.get("/v1/admin/payments/" + transferId, admin).body()).contains("\"events\":[").contains("confirmed");
        assertThat(api.get("/v1/admin/payments?status=paid", admin).body()).contains("pay-" + transferId);
    }

    @Test
    void aBurstOfFiftyConcurrentNotificationsPassesAndCreditsOnce() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        String customer = api.newCustomer("burst-" + UUID.randomUUID() + "@example.com");
        try (FakeStripe stripe = new FakeStripe()) {
            long gateway = Long.parseLong(Api.field(api.post("/v1/admin/gateways", admin, """
                    {"name":"Burst %s","plugin":"payment-stripe","settings":{"secretKey":"%s","webhookSecret":"%s","apiBase":"%s"}}"""
                    .formatted(UUID.randomUUID(), FakeStripe.SECRET_KEY, FakeStripe.WEBHOOK_SECRET, stripe.settings().get("apiBase")))
                    .body(), "id"));
            String id = Api.field(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"7.00\",\"gateway\":" + gateway + "}").body(), "id");
            stripe.paid("cs_test_pay_" + id);
            String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", "cs_test_pay_" + id, null);
            String signature = FakeStripe.sign(event);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            try (var pool = Executors.newFixedThreadPool(50)) {
                for (int i = 0; i < 50; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return webhook(gateway, event, signature).statusCode();
                    }));
                }
                go.countDown();
                for (var answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            }
            assertThat(Api.field(api.get("/v1/wallet", customer).body(), "balance")).isEqualTo("7.00");
        }
    }
}
