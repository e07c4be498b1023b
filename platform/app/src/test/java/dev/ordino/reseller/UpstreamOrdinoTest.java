package dev.ordino.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.ChildNode;
import dev.ordino.RunningOrdino;
import dev.ordino.e2e.Api;
import dev.ordino.fulfilment.FakeSmmPanel;
import dev.ordino.fulfilment.ShopOverApi;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One Ordino as another's upstream, both on 127.0.0.1: shop B (this test's application) uses shop
 * A (a child JVM with its own database) as an SMM provider through the bundled {@code provider-smm-v2}
 * plugin and A's panel API, exactly as it would use any panel. A forwards the order to a fake panel
 * that finishes it {@code Partial}; each shop refunds the undelivered share once: A to B's wallet at
 * A, B to its customer.
 */
@RunningOrdino
class UpstreamOrdinoTest {

    private static final String A_ADMIN = "upstream-admin@ordino.test";
    private static final String A_PASSWORD = "upstream-admin-pass";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOrderThroughAnotherOrdinoFinishedPartialIsRefundedOnceByEachShop() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "ORDINO_SECRET_KEY", "upstream-test-secret-key-0123456789abcdef",
                "ORDINO_ADMIN_EMAIL", A_ADMIN, "ORDINO_ADMIN_PASSWORD", A_PASSWORD,
                "ORDINO_DEMO_DATA", "false", "ORDINO_DEMO_PROVIDER", "false",
                "ORDINO_RATE_LIMIT_SIGN_IN_PER_MINUTE", "100000"));
        try (ChildNode.Database db = ChildNode.Database.fresh("ordino_upstream"); FakeSmmPanel panel = new FakeSmmPanel()) {
            env.putAll(db.env());
            panel.service("7", "IG Followers", "Instagram Followers", "1.00", 10, 100_000, false, false);
            try (ChildNode shopA = ChildNode.start("upstream-a", env, Map.of("logging.level.org.atmosphere", "warn"),
                    Duration.ofMinutes(4))) {
                // Shop A: the panel's service at 1.50 per 1000, and shop B's account with a key.
                Api a = new Api(shopA.port());
                String aAdmin = a.token(A_ADMIN, A_PASSWORD);
                long aService = ShopOverApi.providerBackedOffering(a, aAdmin, panel);
                String bAtA = ShopOverApi.fundedCustomer(a, aAdmin, "shop-b-" + UUID.randomUUID() + "@example.com");
                HttpResponse<String> created = a.post("/v1/me/api-keys", bAtA, "{\"name\":\"Shop B\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String keyAtA = Api.field(created.body(), "key");
                PanelClient aPanel = new PanelClient(shopA.port());

                // Shop B: A as a provider through the bundled plugin, A's service imported at 50 % markup.
                Api b = new Api(port);
                String bAdmin = b.token("admin@ordino.demo", "admin-demo-1");
                HttpResponse<String> provider = b.post("/v1/admin/providers", bAdmin, """
                        {"name":"Shop A %s","plugin":"provider-smm-v2","settings":{"url":"%s/api/v2","key":"%s","timeoutSeconds":"10"},
                         "markupPercent":50,"priority":5,"currency":"USD","conversionRate":1}"""
                        .formatted(UUID.randomUUID(), shopA.url(), keyAtA));
                assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
                String providerId = Api.field(provider.body(), "id");
                HttpResponse<String> imported = b.post("/v1/admin/providers/" + providerId + "/import", bAdmin,
                        "{\"services\":[\"" + aService + "\"],\"markupPercent\":50}");
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
                long bOffering = Long.parseLong(Api.field(imported.body().substring(imported.body().indexOf("offerings")), "id"));
                assertThat(b.put("/v1/admin/products/" + bOffering + "/providers", bAdmin,
                        "[{\"providerId\":" + providerId + ",\"serviceId\":\"" + aService + "\"}]").statusCode()).isEqualTo(200);
                assertThat(jdbc.queryForObject("SELECT price FROM offering WHERE id = ?", BigDecimal.class, bOffering))
                        .as("A's 1.50 per 1000 with B's 50 % markup").isEqualByComparingTo("2.25");

                // B's customer orders 1000; B sends it to A, A to the panel.
                String customerEmail = "b-customer-" + UUID.randomUUID() + "@example.com";
                String customer = ShopOverApi.fundedCustomer(b, bAdmin, customerEmail);
                long customerId = jdbc.queryForObject("SELECT id FROM app_user WHERE email = ?", Long.class, customerEmail);
                HttpResponse<String> placed = b.post("/v1/orders", customer, "{\"items\":[{\"productId\":" + bOffering
                        + ",\"quantity\":1000,\"link\":\"https://www.instagram.com/upstream\"}],\"payment\":\"wallet\"}");
                assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
                long bOrder = Long.parseLong(Api.field(placed.body(), "id"));
                String aOrder = waitFor(() -> jdbc.query("SELECT provider_ref FROM provider_order WHERE order_id = ? "
                        + "AND provider_ref IS NOT NULL", (rs, n) -> rs.getString(1), bOrder).stream().findFirst().orElse(null));
                waitFor(() -> panel.adds.isEmpty() ? null : panel.lastOrder());
                assertThat(panel.adds).hasSize(1);
                assertThat(panel.adds.getFirst().get("link")).isEqualTo("https://www.instagram.com/upstream");
                assertThat(aPanel.call(keyAtA, "balance").json().get("balance").asString()).as("A charged B 1.50")
                        .isEqualTo("998.5000");

                // The panel delivers 600 of 1000; each shop syncs (twice, to show a second look changes nothing).
                panel.status(panel.lastOrder(), "Partial", 100, 400);
                for (int round = 0; round < 2; round++) {
                    assertThat(a.post("/v1/admin/providers/sync-orders", aAdmin, "").statusCode()).isEqualTo(200);
                    assertThat(b.post("/v1/admin/providers/sync-orders", bAdmin, "").statusCode()).isEqualTo(200);
                }

                var status = aPanel.call(keyAtA, "status", "order", aOrder).json();
                assertThat(status.get("status").asString()).isEqualTo("Partial");
                assertThat(status.get("remains").asString()).isEqualTo("400");
                assertThat(status.get("charge").asString()).as("1.50 less the 0.60 refunded").isEqualTo("0.9000");
                assertThat(aPanel.call(keyAtA, "balance").json().get("balance").asString()).isEqualTo("999.1000");
                try (Connection connection = db.connect(); PreparedStatement refunds = connection.prepareStatement(
                        "SELECT COUNT(*), SUM(l.amount) FROM ledger_entry l JOIN app_user u ON u.id = l.user_id "
                                + "WHERE u.email LIKE 'shop-b-%' AND l.type = 'refund'")) {
                    try (ResultSet rs = refunds.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("A refunds B once").isEqualTo(1);
                        assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("0.60");
                    }
                }

                assertThat(Api.field(b.get("/v1/orders/" + bOrder, customer).body(), "status")).isEqualTo("partial");
                assertThat(jdbc.queryForList("SELECT amount FROM ledger_entry WHERE user_id = ? AND type = 'refund'",
                        BigDecimal.class, customerId)).as("B refunds its customer once: 40 % of 2.25")
                        .singleElement().satisfies(amount -> assertThat(amount).isEqualByComparingTo("0.90"));
                assertThat(jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", BigDecimal.class, customerId))
                        .isEqualByComparingTo("998.65");
            }
        }
    }

    private interface Probe {
        String value() throws Exception;
    }

    private static String waitFor(Probe probe) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            String value = probe.value();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not seen within 60 s");
    }
}
