package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.ChildNode;
import dev.ordino.Figures;
import dev.ordino.e2e.Api;
import dev.ordino.fulfilment.ShopOverApi.PaidLines;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * Two app nodes, each a JVM of its own, on one MariaDB, in front of one slow SMM panel (0.3 to 1 s
 * per {@code add}) that counts what it is asked: the scheduled jobs run once per period across
 * both; a change made through node B is what node A answers; and a {@code kill -9} of node A while
 * orders placed through both nodes are being sent loses nothing: node B, still running, sends every
 * paid line exactly once or lists it under attention within one sweep period of noticing A is dead.
 */
class TwoNodesTest {

    private static final String ADMIN = "two-nodes-admin@ordino.test";
    private static final String PASSWORD = "two-nodes-admin-pass";
    private static final Duration ORDER_SYNC = Duration.ofSeconds(3);
    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration DEAD_AFTER = HEARTBEAT.multipliedBy(3);
    private static final Duration START = Duration.ofMinutes(4);

    @Test
    void jobsRunOncePerPeriodChangesThroughOneNodeShowOnTheOtherAndAKilledNodeLosesNothing() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("ORDINO_SECRET_KEY", "two-nodes-secret-key-0123456789abcdef",
                "ORDINO_ADMIN_EMAIL", ADMIN, "ORDINO_ADMIN_PASSWORD", PASSWORD, "ORDINO_DEMO_DATA", "false",
                "ORDINO_DEMO_PROVIDER", "false", "ORDINO_RATE_LIMIT_SIGN_IN_PER_MINUTE", "100000"));
        Map<String, String> properties = Map.of("ordino.providers.order-sync", ORDER_SYNC.toString(),
                "ordino.providers.sweep", SWEEP.toString(), "ordino.nodes.heartbeat", HEARTBEAT.toString(),
                "ordino.events.replay-after", "PT10S", "ordino.events.replay-every", "PT5S", "logging.level.org.atmosphere", "warn");
        try (ChildNode.Database db = ChildNode.Database.fresh("ordino_two_nodes"); FakeSmmPanel panel = new FakeSmmPanel()) {
            env.putAll(db.env());
            panel.service("7", "IG Followers", "Instagram Followers", "1.00", 10, 100_000, false, false);
            panel.slowAddFromMillis = 300;
            panel.slowAddToMillis = 1000;
            try (ChildNode nodeA = ChildNode.start("two-nodes-a", env, properties, START);
                 ChildNode nodeB = ChildNode.start("two-nodes-b", env, properties, START)) {
                long started = System.nanoTime();
                Api onA = new Api(nodeA.port());
                Api onB = new Api(nodeB.port());
                String adminOnA = onA.token(ADMIN, PASSWORD);
                String adminOnB = onB.token(ADMIN, PASSWORD);
                long offering = ShopOverApi.providerBackedOffering(onA, adminOnA, panel);
                List<String> customers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    customers.add(ShopOverApi.fundedCustomer(i % 2 == 0 ? onA : onB, adminOnA,
                            "two-nodes-" + i + "-" + UUID.randomUUID() + "@example.com"));
                }

                String changed = aChangeThroughBShowsOnA(onA, onB, adminOnB, customers.getFirst(), offering);
                String jobs = jobsRunOncePerPeriod(panel, started);
                String killed = aKilledNodeLosesNothing(db, panel, nodeA, onA, onB, customers, offering);

                String report = "Two nodes on one MariaDB\n" + changed + jobs + killed;
                Files.writeString(Path.of("target", "two-nodes-test.txt"), report, StandardCharsets.UTF_8);
                Figures.report("%s", report);
            }
        }
    }

    private static String order(String token, Api api, long offering) throws Exception {
        HttpResponse<String> placed = api.post("/v1/orders", token, "{\"items\":[{\"productId\":" + offering
                + ",\"quantity\":100,\"link\":\"https://www.instagram.com/p" + UUID.randomUUID().toString().substring(0, 12)
                + "\"}],\"payment\":\"wallet\"}", UUID.randomUUID().toString());
        return placed.statusCode() == 201 ? Api.field(placed.body(), "id") : null;
    }

    /**
     * Staff move an order on through node B; the customer asking node A sees the new status at once
     * (in the shop's words: staff notes stay with staff).
     */
    private static String aChangeThroughBShowsOnA(Api onA, Api onB, String adminOnB, String customer, long offering) throws Exception {
        String orderId = order(customer, onA, offering);
        assertThat(orderId).isNotNull();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"processing".equals(Api.field(onA.get("/v1/orders/" + orderId, customer).body(), "status")) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(Api.field(onA.get("/v1/orders/" + orderId, customer).body(), "status")).as("sent to the panel").isEqualTo("processing");

        HttpResponse<String> moved = onB.post("/v1/admin/orders/" + orderId + "/status", adminOnB,
                "{\"status\":\"in_progress\",\"reason\":\"Checked at the panel by staff on node B\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        long committed = System.nanoTime();
        HttpResponse<String> seenOnA = onA.get("/v1/orders/" + orderId, customer);
        assertThat(Api.field(seenOnA.body(), "status")).isEqualTo("in_progress");
        assertThat(seenOnA.body()).contains("\"status\":\"in_progress\"").doesNotContain("Checked at the panel");
        return "a change through node B answered by node A " + (System.nanoTime() - committed) / 1_000_000 + " ms after its commit\n";
    }

    /**
     * The order status sync every 3 s on both nodes: over a window of periods the panel is asked about
     * as many times as there are periods (one call per round: fewer than 100 open orders), not twice that.
     */
    private static String jobsRunOncePerPeriod(FakeSmmPanel panel, long started) throws Exception {
        // The sync first runs a minute after a node starts.
        long until = started + Duration.ofSeconds(150).toNanos();
        while (panel.count("status") == 0 && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        assertThat(panel.count("status")).as("the order sync ran").isPositive();
        int periods = 10;
        int before = panel.count("status");
        Thread.sleep(ORDER_SYNC.multipliedBy(periods).toMillis());
        int calls = panel.count("status") - before;
        assertThat(calls).as("status sync rounds in %d periods of %s across two nodes", periods, ORDER_SYNC)
                .isBetween(periods / 3, periods + 2);
        return "order status sync rounds in " + periods + " periods of " + ORDER_SYNC.toSeconds() + " s with two nodes: " + calls
                + " (once per node would make about " + 2 * periods + ")\n";
    }

    private String aKilledNodeLosesNothing(ChildNode.Database db, FakeSmmPanel panel, ChildNode nodeA, Api onA, Api onB,
                                           List<String> customers, long offering) throws Exception {
        String nodeAId = nodeId(db, nodeA.pid());
        AtomicBoolean placing = new AtomicBoolean(true);
        AtomicInteger answeredA = new AtomicInteger();
        AtomicInteger answeredB = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            String token = customers.get(i);
            Api api = i % 2 == 0 ? onA : onB;
            AtomicInteger answered = i % 2 == 0 ? answeredA : answeredB;
            clients.submit(() -> {
                while (placing.get()) {
                    try {
                        if (order(token, api, offering) != null) {
                            answered.incrementAndGet();
                        }
                        Thread.sleep(300);
                    } catch (Exception e) {
                        return; // its node is gone
                    }
                }
            });
        }
        // Kill A once it has lines of its own in flight at the panel.
        int addsAtStart = panel.count("add");
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int inFlightOnA = 0;
        while (System.nanoTime() < until) {
            inFlightOnA = inFlight(db, nodeAId);
            if (answeredA.get() + answeredB.get() >= 30 && panel.count("add") - addsAtStart >= 10 && inFlightOnA > 0) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(inFlightOnA).as("node A was sending when it was killed").isPositive();
        nodeA.kill();
        long killed = System.nanoTime();
        placing.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        PaidLines atKill = PaidLines.of(db, offering);
        int addsAtKill = panel.count("add");

        // B sees A dead after DEAD_AFTER, settles A's lines in flight at its next sweep, and sends what A left queued.
        long inFlightSettled = 0;
        long settled = 0;
        PaidLines lines = atKill;
        long giveUp = killed + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < giveUp) {
            if (inFlightSettled == 0 && inFlight(db, nodeAId) == 0) {
                inFlightSettled = System.nanoTime();
            }
            lines = PaidLines.of(db, offering);
            if (inFlightSettled != 0 && lines.allSettled(panel)) {
                settled = System.nanoTime();
                break;
            }
            Thread.sleep(200);
        }
        Thread.sleep(SWEEP.toMillis()); // one more sweep: nothing may be sent a second time
        lines = PaidLines.of(db, offering);

        String figures = """
                orders answered 201 before the kill: %d through node A, %d through node B; paid lines: %d
                node A killed with %d of its lines in flight at the panel; adds before the kill: %d, after: %d
                at the kill: %s
                settled: %s
                node A's lines in flight under attention %.1f s after the kill (dead after %d s, sweep every %d s); every line settled %.1f s after the kill
                """.formatted(answeredA.get(), answeredB.get(), lines.paid(), inFlightOnA, addsAtKill, panel.count("add") - addsAtKill,
                atKill.states(), lines.states(), seconds(killed, inFlightSettled), DEAD_AFTER.toSeconds(), SWEEP.toSeconds(),
                seconds(killed, settled));
        assertThat(inFlightSettled).as("node A's lines in flight left submitting\n" + figures).isPositive();
        assertThat(settled).as("lines left unsettled\n" + figures).isPositive();
        lines.assertSentOnceOrUnderAttention(panel);
        assertThat(lines.paid()).isGreaterThanOrEqualTo(answeredA.get() + answeredB.get());
        assertThat(Duration.ofNanos(inFlightSettled - killed)).as("A's lines in flight under attention within one sweep period of "
                + "A's death being noticed").isLessThanOrEqualTo(DEAD_AFTER.plus(SWEEP).plus(SWEEP));
        assertThat(ShopOverApi.walletsOffTheirLedger(db)).as("every wallet equals its ledger").isEmpty();
        return figures;
    }

    private static double seconds(long from, long to) {
        return to == 0 ? Double.NaN : (to - from) / 1e9;
    }

    private static String nodeId(ChildNode.Database db, long pid) throws Exception {
        try (Connection connection = db.connect();
             var query = connection.prepareStatement("SELECT id FROM app_node WHERE pid = ? ORDER BY started_at DESC LIMIT 1")) {
            query.setLong(1, pid);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("node %d registered", pid).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** Lines this node claimed and has not finished sending. */
    private static int inFlight(ChildNode.Database db, String nodeId) throws Exception {
        try (Connection connection = db.connect();
             var query = connection.prepareStatement("SELECT COUNT(*) FROM provider_order WHERE state = 'submitting' AND claimed_by = ?")) {
            query.setString(1, nodeId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
