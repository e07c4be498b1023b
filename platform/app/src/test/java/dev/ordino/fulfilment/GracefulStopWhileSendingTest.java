package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.ChildNode;
import dev.ordino.Figures;
import dev.ordino.e2e.Api;
import dev.ordino.fulfilment.ShopOverApi.PaidLines;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while paid lines are being sent to a slow panel: the node stops sending before it stops
 * its plugins, so a healthy provider is not marked failing, its log holds no error from the stop,
 * nothing is sent twice, and the lines not yet sent go out once after the next start.
 */
class GracefulStopWhileSendingTest {

    private static final String ADMIN = "stop-admin@ordino.test";
    private static final String PASSWORD = "stop-admin-pass";

    @Test
    void stoppingWhileLinesAreSentLeavesAHealthyProviderHealthyAndSendsEachLineOnce() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "ORDINO_SECRET_KEY", "stop-test-secret-key-0123456789abcdef",
                "ORDINO_ADMIN_EMAIL", ADMIN, "ORDINO_ADMIN_PASSWORD", PASSWORD,
                "ORDINO_DEMO_DATA", "false", "ORDINO_DEMO_PROVIDER", "false",
                "ORDINO_RATE_LIMIT_SIGN_IN_PER_MINUTE", "100000",
                "ORDINO_PROVIDERS_SWEEP", "PT5S"));
        Map<String, String> properties = Map.of("logging.level.org.atmosphere", "warn");

        try (ChildNode.Database db = ChildNode.Database.fresh("ordino_stop"); FakeSmmPanel panel = new FakeSmmPanel()) {
            env.putAll(db.env());
            panel.service("7", "IG Followers", "Instagram Followers", "1.00", 10, 100_000, false, false);
            panel.slowAddFromMillis = 300;
            panel.slowAddToMillis = 800;

            ChildNode first = ChildNode.start("stop-1", env, properties, Duration.ofMinutes(4));
            long offering;
            try {
                Api api = new Api(first.port());
                String admin = api.token(ADMIN, PASSWORD);
                offering = ShopOverApi.providerBackedOffering(api, admin, panel);
                String customer = ShopOverApi.fundedCustomer(api, admin, "stop-" + UUID.randomUUID() + "@example.com");
                for (int i = 0; i < 30; i++) {
                    HttpResponse<String> placed = api.post("/v1/orders", customer, "{\"items\":[{\"productId\":" + offering
                            + ",\"quantity\":100,\"link\":\"https://www.instagram.com/p" + UUID.randomUUID().toString().substring(0, 12)
                            + "\"}],\"payment\":\"wallet\"}", UUID.randomUUID().toString());
                    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
                }
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (panel.count("add") < 3 && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(panel.count("add")).as("sending had begun").isBetween(3, 29);
                Duration stop = first.terminate(Duration.ofSeconds(60));
                Figures.report("[graceful stop] stopped in %d ms with %d of 30 lines added", stop.toMillis(), panel.count("add"));
            } finally {
                first.close();
            }

            try (Connection connection = db.connect(); ResultSet health = connection.createStatement().executeQuery(
                    "SELECT health, COALESCE(last_error, '') FROM provider_instance")) {
                assertThat(health.next()).isTrue();
                assertThat(health.getString(1)).as("health after the stop (%s)", health.getString(2)).isIn("ok", "unknown");
            }
            try (Connection connection = db.connect(); ResultSet log = connection.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM provider_log")) {
                log.next();
                assertThat(log.getLong(1)).as("errors logged for the provider by the stop").isZero();
            }
            PaidLines atStop = PaidLines.of(db, offering);
            assertThat(atStop.states().keySet()).as("nothing under attention: every call in flight finished")
                    .doesNotContain("unknown", "attention");
            assertThat(ShopOverApi.addsPerLink(panel).values()).allMatch(n -> n == 1);

            ChildNode second = ChildNode.start("stop-2", env, properties, Duration.ofMinutes(4));
            try {
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                PaidLines settled = atStop;
                while (System.nanoTime() < until) {
                    settled = PaidLines.of(db, offering);
                    if (settled.allSettled(panel)) {
                        break;
                    }
                    Thread.sleep(500);
                }
                assertThat(settled.paid()).isEqualTo(30);
                settled.assertSentOnceOrUnderAttention(panel);
                assertThat(settled.states()).containsOnlyKeys("open");
                List<String> off = new ArrayList<>(ShopOverApi.walletsOffTheirLedger(db));
                assertThat(off).isEmpty();
                second.terminate(Duration.ofSeconds(60));
            } finally {
                second.close();
            }
        }
    }
}
