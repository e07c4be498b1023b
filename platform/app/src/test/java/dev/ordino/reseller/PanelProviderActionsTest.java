package dev.ordino.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.e2e.Api;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.reseller.PanelClient.Answer;
import dev.ordino.reseller.PanelClient.Style;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code refill}, {@code refill_status} and {@code cancel} of orders that run at a provider (a fake panel on 127.0.0.1). */
@RunningOrdino
class PanelProviderActionsTest {

    @LocalServerPort
    int port;
    @Autowired
    FakeSmmPanelAccess panels;

    @Test
    void refillsAndCancellationsReachTheProviderAndAnswerAsPanelsDo() throws Exception {
        Api api = new Api(port);
        PanelClient client = new PanelClient(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        try (FakeSmmPanelAccess.Panel panel = panels.panelWithRefillAndCancel()) {
            long offering = panels.importOne(panels.provider(panel, "Refill panel " + UUID.randomUUID()), "R1");
            String key = fundedKey(api, admin);
            String[] order = {"service", Long.toString(offering), "link", "https://www.instagram.com/refill", "quantity", "1000"};
            long done = client.call(Style.FORM, key, "add", order).json().get("order").asLong();
            panels.waitForState(done, "open");
            assertThat(client.call(Style.FORM, key, "refill", "order", Long.toString(done)).error())
                    .isEqualTo("A refill is possible once the order is completed");

            panels.report(panel, done, "Completed", 0);
            Answer status = client.call(Style.QUERY, key, "status", "order", Long.toString(done));
            assertThat(status.json().get("status").asString()).isEqualTo("Completed");
            assertThat(status.json().get("remains").asString()).isEqualTo("0");
            assertThat(status.json().get("start_count").asString()).isEqualTo("100");

            Answer refill = client.call(Style.JSON, key, "refill", "order", Long.toString(done));
            String refillId = refill.json().get("refill").asString();
            assertThat(refillId).as(refill.body()).matches("\\d+");
            assertThat(panel.count("refill")).isEqualTo(1);
            assertThat(client.call(Style.QUERY, key, "refill_status", "refill", refillId).json().get("status").asString())
                    .isEqualTo("Pending");
            Answer refills = client.call(Style.FORM, key, "refill_status", "refills", refillId + ",987654321");
            assertThat(refills.json().get(0).get("refill").asLong()).isEqualTo(Long.parseLong(refillId));
            assertThat(refills.json().get(0).get("status").asString()).isEqualTo("Pending");
            assertThat(refills.json().get(1).get("status").get("error").asString()).isEqualTo("Incorrect refill ID");
            String stranger = fundedKey(api, admin);
            assertThat(client.call(Style.FORM, stranger, "refill_status", "refill", refillId).error())
                    .as("another customer's refill").isEqualTo("Incorrect refill ID");
            assertThat(client.call(Style.FORM, stranger, "refill", "order", Long.toString(done)).error())
                    .isEqualTo("Incorrect order ID");

            long running = client.call(Style.FORM, key, "add", order).json().get("order").asLong();
            panels.waitForState(running, "open");
            Answer cancel = client.call(Style.FORM, key, "cancel", "orders", Long.toString(running));
            assertThat(cancel.json().get(0).get("cancel").asInt()).as(cancel.body()).isEqualTo(1);
            assertThat(panel.count("cancel")).isEqualTo(1);
            String before = client.call(Style.FORM, key, "balance").json().get("balance").asString();
            panels.report(panel, running, "Canceled", 0);
            assertThat(client.call(Style.FORM, key, "status", "order", Long.toString(running)).json().get("status").asString())
                    .isEqualTo("Canceled");
            assertThat(new BigDecimal(client.call(Style.FORM, key, "balance").json().get("balance").asString()))
                    .as("refunded once the provider confirmed").isGreaterThan(new BigDecimal(before));
        }
    }

    private static String fundedKey(Api api, String admin) throws Exception {
        String email = "refill-" + UUID.randomUUID() + "@example.com";
        String token = api.newCustomer(email);
        String id = Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id");
        assertThat(api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin, "{\"amount\":\"20\",\"reason\":\"Test funds\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> created = api.post("/v1/me/api-keys", token, "{\"name\":\"refills\"}");
        return Api.field(created.body(), "key");
    }
}
