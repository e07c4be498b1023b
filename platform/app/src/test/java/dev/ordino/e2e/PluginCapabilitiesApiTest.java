package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.RunningOrdino;
import dev.ordino.payment.Payments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What plugins declare of themselves (plugin API 1.2), over HTTP in the running application with
 * two scripted gateways beside the bundled plugins: {@code payment-scripted}, written as a plugin
 * for 1.1 (no capabilities, rejections as prefixed strings), and {@code transfer-scripted}, written
 * for 1.2 (staff confirm its payments, typed rejections, its own settings check).
 */
@RunningOrdino
class PluginCapabilitiesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Payments payments;
    @Autowired
    Actors actors;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String admin;

    @BeforeEach
    void signIn() throws Exception {
        api = new Api(port);
        admin = api.token(Actors.ADMIN_EMAIL, Actors.ADMIN_PASSWORD);
    }

    long gateway(String plugin, String settings, boolean enabled) throws Exception {
        HttpResponse<String> created = api.post("/v1/admin/gateways", admin, """
                {"name":"%s %s","plugin":"%s","settings":%s,"enabled":%s}""".formatted(plugin, UUID.randomUUID(), plugin, settings, enabled));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(Api.field(created.body(), "id"));
    }

    int webhook(long gateway, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/payments/" + gateway + "/webhook"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void typedRejectionsAndThoseWordedAsIn11AnswerTheGatewayAlike() throws Exception {
        long typed = gateway("transfer-scripted", "{}", false);
        assertThat(webhook(typed, "BAD_SIGNATURE")).isEqualTo(401);
        assertThat(webhook(typed, "MALFORMED")).isEqualTo(400);
        assertThat(webhook(typed, "IGNORED")).as("so the gateway stops sending it").isEqualTo(200);
        assertThat(webhook(typed, "GATEWAY_DOWN")).as("so the gateway retries").isEqualTo(503);

        long old = gateway("payment-scripted", "{}", false);
        assertThat(webhook(old, "signature: forged")).isEqualTo(401);
        assertThat(webhook(old, "malformed: not JSON")).isEqualTo(400);
        assertThat(webhook(old, "ignored: not ours")).isEqualTo(200);
        assertThat(webhook(old, "unavailable: status check failed")).isEqualTo(503);
        assertThat(webhook(old, "no prefix")).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT detail FROM payment_event WHERE gateway_id = ? ORDER BY id DESC LIMIT 1", String.class,
                old)).as("the audit keeps the plugin's words").contains("no prefix");
    }

    @Test
    void staffConfirmOnlyPaymentsOfAGatewayThatSaysSoAndReconciliationNeverAsksThatGateway() throws Exception {
        String customer = api.newCustomer("capable-" + UUID.randomUUID() + "@example.com");
        long byStaff = gateway("transfer-scripted", "{\"account\":\"123456\"}", true);
        long polled = gateway("payment-scripted", "{}", true);
        String transfer;
        String card;
        try {
            transfer = Api.field(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"12.00\",\"gateway\":" + byStaff + "}").body(), "id");
            card = Api.field(api.post("/v1/wallet/top-ups", customer, "{\"amount\":\"13.00\",\"gateway\":" + polled + "}").body(), "id");
        } finally {
            // Not offered to the customers of the other tests sharing this application.
            for (long id : new long[]{byStaff, polled}) {
                api.put("/v1/admin/gateways/" + id, admin, "{\"name\":\"off " + UUID.randomUUID() + "\",\"enabled\":false}");
            }
        }
        // Both were started long enough ago to be reconciled; both scripted gateways would say "paid" if asked.
        jdbc.update("UPDATE payment SET created_at = created_at - INTERVAL 1 HOUR WHERE id IN (?, ?)", transfer, card);
        payments.reconcile();
        assertThat(api.get("/v1/wallet/top-ups/" + card, customer).body()).as("asked and paid").contains("\"status\":\"paid\"");
        assertThat(api.get("/v1/wallet/top-ups/" + transfer, customer).body()).as("only staff know").contains("\"status\":\"pending\"");

        HttpResponse<String> refused = api.post("/v1/admin/payments/" + card + "/confirm", admin, "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not_manual");
        HttpResponse<String> confirmed = api.post("/v1/admin/payments/" + transfer + "/confirm", admin, "{}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(api.get("/v1/wallet/top-ups/" + transfer, customer).body()).contains("\"status\":\"paid\"");
        assertThat(Api.field(api.get("/v1/wallet", customer).body(), "balance")).isEqualTo("25.00");
    }

    @Test
    void aPluginsOwnCheckOfItsSettingsAnswers400WithTheField() throws Exception {
        HttpResponse<String> stripe = api.post("/v1/admin/gateways", admin, """
                {"name":"Stripe %s","plugin":"payment-stripe","settings":{"secretKey":"pk_test_publishable","webhookSecret":"whsec_x"}}"""
                .formatted(UUID.randomUUID()));
        assertThat(stripe.statusCode()).as(stripe.body()).isEqualTo(400);
        assertThat(stripe.body()).contains("\"code\":\"invalid_setting\"").contains("\"field\":\"settings.secretKey\"")
                .contains("publishable").doesNotContain("pk_test_publishable");

        long byStaff = gateway("transfer-scripted", "{\"account\":\"123\"}", false);
        HttpResponse<String> changed = api.put("/v1/admin/gateways/" + byStaff, admin,
                "{\"name\":\"Transfer " + UUID.randomUUID() + "\",\"settings\":{\"account\":\"12-AB\"}}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(400);
        assertThat(changed.body()).contains("\"code\":\"invalid_setting\"").contains("\"field\":\"settings.account\"")
                .contains("An account number has digits only");

        HttpResponse<String> provider = api.post("/v1/admin/providers", admin, """
                {"name":"Panel %s","plugin":"provider-smm-v2","settings":{"url":"https://panel.example/api/v2","key":"k"},"enabled":false}"""
                .formatted(UUID.randomUUID()));
        assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
        HttpResponse<String> slow = api.put("/v1/admin/providers/" + Api.field(provider.body(), "id"), admin, """
                {"name":"Panel %s","plugin":"provider-smm-v2","settings":{"url":"https://panel.example/api/v2","timeoutSeconds":"0"},"enabled":false}"""
                .formatted(UUID.randomUUID()));
        assertThat(slow.statusCode()).as(slow.body()).isEqualTo(400);
        assertThat(slow.body()).contains("\"code\":\"invalid_setting\"").contains("\"field\":\"settings.timeoutSeconds\"");
    }

    @Test
    void aGatewayDeclaringItsCurrenciesIsRefusedInAStoreSellingInAnotherAndItsChoicesAreChecked() throws Exception {
        HttpResponse<String> enabled = api.post("/v1/admin/gateways", admin, """
                {"name":"Midtrans %s","plugin":"payment-midtrans","settings":{"serverKey":"SB-Mid-server-x"}}""".formatted(UUID.randomUUID()));
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(400);
        assertThat(enabled.body()).contains("currency_not_supported").contains("IDR");

        HttpResponse<String> card = api.post("/v1/admin/gateways", admin, """
                {"name":"Midtrans %s","plugin":"payment-midtrans","settings":{"serverKey":"SB-Mid-server-x","method":"card"},"enabled":false}"""
                .formatted(UUID.randomUUID()));
        assertThat(card.statusCode()).as(card.body()).isEqualTo(400);
        assertThat(card.body()).contains("\"code\":\"invalid_choice\"").contains("\"field\":\"settings.method\"");

        long midtrans = gateway("payment-midtrans", "{\"serverKey\":\"SB-Mid-server-x\",\"method\":\"QRIS\",\"production\":\"TRUE\"}", false);
        String listed = api.get("/v1/admin/gateways", admin).body();
        assertThat(listed.substring(listed.indexOf("\"id\":" + midtrans + ","))).as("stored as the options are spelled")
                .contains("\"method\":\"qris\"").contains("\"production\":\"true\"");
        HttpResponse<String> turnedOn = api.put("/v1/admin/gateways/" + midtrans, admin,
                "{\"name\":\"Midtrans " + UUID.randomUUID() + "\",\"enabled\":true}");
        assertThat(turnedOn.statusCode()).as(turnedOn.body()).isEqualTo(400);
        assertThat(turnedOn.body()).contains("currency_not_supported");
    }
}
