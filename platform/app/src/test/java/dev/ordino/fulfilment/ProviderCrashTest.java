package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.NodeProcess;
import dev.ordino.base.db.EmbeddedMariaDb;
import dev.ordino.e2e.Api;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a node while paid orders for a provider-backed offering are being placed
 * and sent to a slow panel, then a restart on the same database: within one sweep period every
 * paid line is at the provider exactly once or listed under attention, none is left with nothing.
 * The node is a child JVM; the panel counts the {@code add}s it receives per line (each order has
 * its own link).
 */
class ProviderCrashTest {

    private static final String ADMIN = "crash-admin@ordino.test";
    private static final String PASSWORD = "crash-admin-pass";
    private static final Duration SWEEP = Duration.ofSeconds(20);

    @Test
    void afterAKillDuringSubmissionEveryPaidLineIsSentOnceOrListedUnderAttention() throws Exception {
        Database db = Database.fresh();
        Map<String, String> env = new HashMap<>(Map.of(
                "SPRING_DATASOURCE_URL", db.url, "SPRING_DATASOURCE_USERNAME", db.user, "SPRING_DATASOURCE_PASSWORD", db.password,
                "ORDINO_SECRET_KEY", "crash-test-secret-key-0123456789abcdef",
                "ORDINO_ADMIN_EMAIL", ADMIN, "ORDINO_ADMIN_PASSWORD", PASSWORD,
                "ORDINO_DEMO_DATA", "false", "ORDINO_DEMO_PROVIDER", "false",
                "ORDINO_RATE_LIMIT_SIGN_IN_PER_MINUTE", "100000"));
        env.put("ORDINO_PROVIDERS_SWEEP", SWEEP.toString());
        Map<String, String> properties = Map.of("ordino.events.replay-after", "PT10S", "ordino.events.replay-every", "PT5S",
                "ordino.providers.stuck-after", "PT15S", "logging.level.org.atmosphere", "warn");

        try (FakeSmmPanel panel = new FakeSmmPanel()) {
            panel.service("7", "IG Followers", "Instagram Followers", "1.00", 10, 100_000, false, false);
            panel.slowAddFromMillis = 300;
            panel.slowAddToMillis = 1000;

            NodeProcess first = NodeProcess.start("crash-1", env, properties).awaitHealthy(Duration.ofMinutes(4));
            Api api = new Api(first.port());
            String admin = api.token(ADMIN, PASSWORD);
            long offering = providerBackedOffering(api, admin, panel);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                customers.add(fundedCustomer(api, admin, "crash-" + i + "-" + UUID.randomUUID() + "@example.com"));
            }

            // Four clients place orders until the node dies under them.
            AtomicBoolean placing = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(customers.size());
            for (String token : customers) {
                clients.submit(() -> {
                    while (placing.get()) {
                        try {
                            HttpResponse<String> placed = api.post("/v1/orders", token, "{\"items\":[{\"productId\":" + offering
                                    + ",\"quantity\":100,\"link\":\"https://www.instagram.com/p" + UUID.randomUUID().toString()
                                    .substring(0, 12) + "\"}],\"payment\":\"wallet\"}", UUID.randomUUID().toString());
                            if (placed.statusCode() == 201) {
                                answered.incrementAndGet();
                            }
                        } catch (Exception e) {
                            return; // the node is gone
                        }
                    }
                });
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while ((answered.get() < 40 || panel.count("add") < 8) && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            first.kill();
            placing.set(false);
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            int addsBeforeKill = panel.count("add");
            Lines atKill = db.lines(offering);

            long restart = System.nanoTime();
            NodeProcess second = NodeProcess.start("crash-2", env, properties).awaitHealthy(Duration.ofMinutes(4));
            long healthy = System.nanoTime();
            Lines settled = atKill;
            while (System.nanoTime() - healthy < SWEEP.plusSeconds(10).toNanos()) {
                settled = db.lines(offering);
                if (settled.allSettled(panel)) {
                    break;
                }
                Thread.sleep(500);
            }
            Duration recovery = Duration.ofNanos(System.nanoTime() - healthy);
            Duration stop = second.stop();

            Map<String, Long> addsPerLink = panel.adds.stream().collect(Collectors.groupingBy(a -> a.get("link"), Collectors.counting()));
            String report = """
                    paid lines: %d (orders answered 201 before the kill: %d)
                    adds before the kill: %d, after the restart: %d (largest per line: %d)
                    at the kill: %s
                    after the restart: %s
                    restart to healthy: %d s, healthy to settled: %d s, graceful stop: %d ms
                    """.formatted(settled.paid(), answered.get(), addsBeforeKill, panel.count("add") - addsBeforeKill,
                    addsPerLink.values().stream().mapToLong(Long::longValue).max().orElse(0), atKill.states(), settled.states(),
                    Duration.ofNanos(healthy - restart).toSeconds(), recovery.toSeconds(), stop.toMillis());
            Files.writeString(Path.of("target", "crash-test.txt"), report, StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(settled.paid()).isGreaterThanOrEqualTo(answered.get());
            assertThat(addsPerLink.values()).as("no line sent twice").allMatch(n -> n == 1);
            for (Line line : settled.lines()) {
                long adds = addsPerLink.getOrDefault(line.link(), 0L);
                assertThat(line.state()).as("line %d (%s)", line.itemId(), line.link()).isIn("open", "unknown", "attention");
                if (line.state().equals("open")) {
                    assertThat(adds).as("sent exactly once: line %d", line.itemId()).isEqualTo(1);
                }
            }
            assertThat(recovery).as("settled within one sweep period of the restart").isLessThanOrEqualTo(SWEEP);
        }
    }

    private static long providerBackedOffering(Api api, String admin, FakeSmmPanel panel) throws Exception {
        HttpResponse<String> created = api.post("/v1/admin/providers", admin, """
                {"name":"Slow panel","plugin":"provider-smm-v2","settings":{"url":"%s","key":"%s","timeoutSeconds":"10"},
                 "markupPercent":50,"priority":5,"currency":"USD","conversionRate":1}""".formatted(panel.url(), FakeSmmPanel.KEY));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String provider = Api.field(created.body(), "id");
        HttpResponse<String> imported = api.post("/v1/admin/providers/" + provider + "/import", admin,
                "{\"services\":[\"7\"],\"markupPercent\":50}");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        String offering = Api.field(imported.body().substring(imported.body().indexOf("offerings")), "id");
        assertThat(api.put("/v1/admin/products/" + offering + "/providers", admin,
                "[{\"providerId\":" + provider + ",\"serviceId\":\"7\"}]").statusCode()).isEqualTo(200);
        return Long.parseLong(offering);
    }

    private static String fundedCustomer(Api api, String admin, String email) throws Exception {
        HttpResponse<String> registered = api.post("/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"customer-pass\",\"name\":\"Crash Customer\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> funded = api.post("/v1/admin/users/" + Api.field(registered.body(), "id") + "/wallet-adjustments", admin,
                "{\"amount\":\"1000.00\",\"reason\":\"Test funds\"}");
        assertThat(funded.statusCode()).as(funded.body()).isEqualTo(201);
        return api.token(email, "customer-pass");
    }

    record Line(long itemId, String link, String state) {
    }

    /** The paid lines of the offering and their provider orders ({@code none} when there is none). */
    record Lines(List<Line> lines) {
        int paid() {
            return lines.size();
        }

        Map<String, Long> states() {
            return lines.stream().collect(Collectors.groupingBy(Line::state, java.util.TreeMap::new, Collectors.counting()));
        }

        /** Every line at the provider (added once) or under attention; none queued, in flight or without a row. */
        boolean allSettled(FakeSmmPanel panel) {
            Map<String, Long> added = panel.adds.stream().collect(Collectors.groupingBy(a -> a.get("link"), Collectors.counting()));
            return lines.stream().allMatch(l -> l.state().equals("unknown") || l.state().equals("attention")
                    || l.state().equals("open") && added.getOrDefault(l.link(), 0L) == 1);
        }
    }

    /** A database of its own on the test MariaDB (the embedded one, or ORDINO_TEST_DB_URL's server). */
    record Database(String url, String user, String password) {

        static Database fresh() {
            String name = "ordino_crash_" + System.nanoTime();
            String external = System.getenv("ORDINO_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                String server = external.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + name);
                return new Database(server.contains("createDatabaseIfNotExist") ? server
                        : server + (server.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true",
                        System.getenv().getOrDefault("ORDINO_TEST_DB_USERNAME", ""),
                        System.getenv().getOrDefault("ORDINO_TEST_DB_PASSWORD", ""));
            }
            EmbeddedMariaDb server = EmbeddedMariaDb.startIn(Path.of("target/test-data/mariadb"));
            return new Database(server.jdbcUrl(name), server.username(), server.password());
        }

        Lines lines(long offering) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 var statement = connection.prepareStatement("SELECT it.id, it.link, COALESCE(p.state, 'none') FROM order_item it "
                         + "JOIN customer_order o ON o.id = it.order_id LEFT JOIN provider_order p ON p.item_id = it.id "
                         + "WHERE it.offering_id = ? AND o.payment_status = 'paid' ORDER BY it.id")) {
                statement.setLong(1, offering);
                List<Line> lines = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new Line(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return new Lines(lines);
            }
        }
    }
}
