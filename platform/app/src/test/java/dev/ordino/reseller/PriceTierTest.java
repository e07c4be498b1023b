package dev.ordino.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.e2e.Api;
import dev.ordino.fulfilment.FakeSmmPanel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A customer's price tier lowers web and API prices alike, never below what the provider charges. */
@RunningOrdino
class PriceTierTest {

    @LocalServerPort
    int port;

    private Api api;
    private PanelClient panel;
    private String admin;
    private FakeSmmPanel upstream;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        panel = new PanelClient(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
        upstream = new FakeSmmPanel();
    }

    @AfterEach
    void tearDown() {
        upstream.close();
    }

    /** A provider-backed offering: the panel's rate 2.0000 per 1000, sold at 50 % markup (3.0000). */
    private long providerBacked() throws Exception {
        String serviceId = Integer.toString(700 + (int) (Math.random() * 200) * 2 + 1);
        upstream.service(serviceId, "Tier followers " + serviceId, "Tier test", "2.0000", 100, 10_000, false, false);
        HttpResponse<String> created = api.post("/v1/admin/providers", admin, """
                {"name":"Tier panel %s","plugin":"provider-smm-v2","settings":{"url":"%s","key":"%s"},
                 "markupPercent":50,"priority":5,"currency":"USD","conversionRate":1}"""
                .formatted(UUID.randomUUID(), upstream.url(), FakeSmmPanel.KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String provider = Api.field(created.body(), "id");
        HttpResponse<String> imported = api.post("/v1/admin/providers/" + provider + "/import", admin,
                "{\"services\":[\"" + serviceId + "\"],\"markupPercent\":50}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String offering = Api.field(imported.body().substring(imported.body().indexOf("offerings")), "id");
        assertThat(api.put("/v1/admin/products/" + offering + "/providers", admin,
                "[{\"providerId\":" + provider + ",\"serviceId\":\"" + serviceId + "\"}]").statusCode()).isEqualTo(200);
        return Long.parseLong(offering);
    }

    private BigDecimal rate(String key, long offering) throws Exception {
        for (JsonNode s : panel.call(key, "services").json()) {
            if (s.get("service").asLong() == offering) {
                return new BigDecimal(s.get("rate").asString());
            }
        }
        throw new AssertionError("service " + offering + " not listed");
    }

    @Test
    void aDiscountLowersApiAndWebPricesButNeverBelowTheProvidersCost() throws Exception {
        long own = Long.parseLong(Api.field(api.get("/v1/products?category=tiktok&q=followers", null).body(), "id"));
        long backed = providerBacked();
        String email = "tier-" + UUID.randomUUID() + "@example.com";
        String token = api.newCustomer(email);
        long customer = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
        assertThat(api.post("/v1/admin/users/" + customer + "/wallet-adjustments", admin,
                "{\"amount\":\"100\",\"reason\":\"Test funds\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> created = api.post("/v1/me/api-keys", token, "{\"name\":\"tier\"}");
        String key = Api.field(created.body(), "key");

        BigDecimal ownList = rate(key, own);
        assertThat(rate(key, backed)).isEqualByComparingTo("3.0000");

        HttpResponse<String> set = api.put("/v1/admin/users/" + customer + "/price-tier", admin, "{\"discountPercent\":20}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(rate(key, own)).isEqualByComparingTo(ownList.multiply(new BigDecimal("0.8")).setScale(4, RoundingMode.HALF_UP));
        assertThat(rate(key, backed)).as("3.00 less 20 %").isEqualByComparingTo("2.4000");

        assertThat(api.put("/v1/admin/users/" + customer + "/price-tier", admin, "{\"discountPercent\":50}").statusCode())
                .isEqualTo(200);
        assertThat(rate(key, backed)).as("1.50 would be below the provider's 2.00").isEqualByComparingTo("2.0000");

        // The web's order path (REST v1 and the order form share OrderService.place) charges the same.
        HttpResponse<String> placed = api.post("/v1/orders", token, "{\"items\":[{\"productId\":" + backed
                + ",\"quantity\":1000,\"link\":\"https://www.instagram.com/ordino\"}],\"payment\":\"wallet\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        assertThat(new BigDecimal(Api.field(placed.body(), "total"))).isEqualByComparingTo("2.00");
        PanelClient.Answer viaApi = panel.call(key, "add", "service", Long.toString(backed), "link", "https://www.instagram.com/ordino",
                "quantity", "1000");
        long order = viaApi.json().get("order").asLong();
        assertThat(panel.call(key, "status", "order", Long.toString(order)).json().get("charge").asString()).isEqualTo("2.0000");

        HttpResponse<String> bad = api.put("/v1/admin/users/" + customer + "/price-tier", admin, "{\"discountPercent\":101}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Api.field(bad.body(), "code")).isEqualTo("invalid_discount");
        assertThat(api.put("/v1/admin/users/" + customer + "/price-tier", token, "{\"discountPercent\":90}").statusCode())
                .as("customers cannot set their own tier").isEqualTo(403);
    }
}
