package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.ChildNode;
import dev.ordino.Figures;
import dev.ordino.fulfilment.ShopOverApi.PaidLines;
import dev.ordino.e2e.Api;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, String> env = new HashMap<>(Map.of(
                "ORDINO_SECRET_KEY", "crash-test-secret-key-0123456789abcdef",
                "ORDINO_ADMIN_EMAIL", ADMIN, "ORDINO_ADMIN_PASSWORD", PASSWORD,
                "ORDINO_DEMO_DATA", "false", "ORDINO_DEMO_PROVIDER", "false",
                "ORDINO_RATE_LIMIT_SIGN_IN_PER_MINUTE", "100000"));
        env.put("ORDINO_PROVIDERS_SWEEP", SWEEP.toString());
        Map<String, String> properties = Map.of("ordino.events.replay-after", "PT10S", "ordino.events.replay-every", "PT5S",
                "logging.level.org.atmosphere", "warn");

        try (ChildNode.Database db = ChildNode.Database.fresh("ordino_crash"); FakeSmmPanel panel = new FakeSmmPanel()) {
            env.putAll(db.env());
            panel.service("7", "IG Followers", "Instagram Followers", "1.00", 10, 100_000, false, false);
            panel.slowAddFromMillis = 300;
            panel.slowAddToMillis = 1000;

            ChildNode first = ChildNode.start("crash-1", env, properties, Duration.ofMinutes(4));
            Api api = new Api(first.port());
            String admin = api.token(ADMIN, PASSWORD);
            long offering = ShopOverApi.providerBackedOffering(api, admin, panel);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                customers.add(ShopOverApi.fundedCustomer(api, admin, "crash-" + i + "-" + UUID.randomUUID() + "@example.com"));
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
            PaidLines atKill = PaidLines.of(db, offering);

            long restart = System.nanoTime();
            ChildNode second = ChildNode.start("crash-2", env, properties, Duration.ofMinutes(4));
            long healthy = System.nanoTime();
            PaidLines settled = atKill;
            while (System.nanoTime() - healthy < SWEEP.plusSeconds(10).toNanos()) {
                settled = PaidLines.of(db, offering);
                if (settled.allSettled(panel)) {
                    break;
                }
                Thread.sleep(500);
            }
            Duration recovery = Duration.ofNanos(System.nanoTime() - healthy);
            Duration stop = second.terminate(Duration.ofSeconds(60));
            first.close(); // its mariadbd, if it had one

            Map<String, Long> addsPerLink = ShopOverApi.addsPerLink(panel);
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
            Figures.report("%s", report);

            assertThat(settled.paid()).isGreaterThanOrEqualTo(answered.get());
            settled.assertSentOnceOrUnderAttention(panel);
            assertThat(recovery).as("settled within one sweep period of the restart").isLessThanOrEqualTo(SWEEP);
        }
    }
}
