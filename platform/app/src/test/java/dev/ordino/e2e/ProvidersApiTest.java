package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin provider API over HTTP, against a fake SMM panel on 127.0.0.1. */
@RunningOrdino
class ProvidersApiTest {

    @LocalServerPort
    int port;
    @Autowired
    FakeSmmPanelAccess panels;

    @Test
    void adminCreatesAProviderImportsMapsAndSyncsAndBadInputGetsProblems() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        try (var panel = panels.panel()) {
            HttpResponse<String> created = api.post("/v1/admin/providers", admin, """
                    {"name":"API panel","plugin":"provider-smm-v2","settings":{"url":"%s","key":"%s"},"markupPercent":50,
                     "priority":5,"currency":"USD","conversionRate":1500,"lowBalanceThreshold":20}""".formatted(panel.url(), panel.key()));
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("\"key\":\"********\"").doesNotContain(panel.key());
            String id = Api.field(created.body(), "id");

            HttpResponse<String> one = api.get("/v1/admin/providers/" + id, admin);
            assertThat(one.statusCode()).isEqualTo(200);
            assertThat(one.body()).contains("\"amount\":\"100.8400\"");
            assertThat(api.get("/v1/admin/providers", admin).body()).contains("API panel");

            HttpResponse<String> imported = api.post("/v1/admin/providers/" + id + "/import", admin,
                    "{\"services\":[\"1\"],\"markupPercent\":50}");
            assertThat(imported.statusCode()).isEqualTo(200);
            assertThat(imported.body()).contains("\"created\":1").contains("\"price\":\"2250.0000\"");
            String offeringId = Api.field(imported.body().substring(imported.body().indexOf("offerings")), "id");

            HttpResponse<String> mapped = api.put("/v1/admin/products/" + offeringId + "/providers", admin,
                    "[{\"providerId\":" + id + ",\"serviceId\":\"1\"}]");
            assertThat(mapped.statusCode()).isEqualTo(200);
            assertThat(mapped.body()).contains("\"serviceId\":\"1\"");

            HttpResponse<String> sync = api.post("/v1/admin/providers/" + id + "/sync-services", admin, "{}");
            assertThat(sync.statusCode()).isEqualTo(200);
            assertThat(sync.body()).contains("\"updated\":0", "\"disabled\":0", "\"priceRises\":0");
            HttpResponse<String> orders = api.post("/v1/admin/providers/sync-orders", admin, "{}");
            assertThat(orders.statusCode()).isEqualTo(200);
            assertThat(orders.body()).contains("\"checked\"", "\"updated\"");

            HttpResponse<String> unknown = api.post("/v1/admin/providers/" + id + "/import", admin, "{\"services\":[\"nope\"]}");
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(unknown.body()).contains("unknown_service");
            HttpResponse<String> noKey = api.post("/v1/admin/providers", admin,
                    "{\"name\":\"x\",\"plugin\":\"provider-smm-v2\",\"settings\":{\"url\":\"https://panel.example/api/v2\"}}");
            assertThat(noKey.statusCode()).isEqualTo(400);
            assertThat(noKey.body()).contains("setting_required");
            assertThat(api.post("/v1/admin/providers", admin, "{\"name\":").statusCode()).isEqualTo(400);
            assertThat(api.get("/v1/admin/providers/999999", admin).statusCode()).isEqualTo(404);

            String customer = api.newCustomer("providers-api-" + System.nanoTime() + "@example.com");
            assertThat(api.get("/v1/admin/providers", customer).statusCode()).isEqualTo(403);
            assertThat(api.post("/v1/orders/999999/refill", customer, "{}").statusCode()).isEqualTo(409);
        }
    }
}
