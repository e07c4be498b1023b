package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.ChildNode;
import dev.ordino.Figures;
import dev.ordino.base.db.EmbeddedMariaDb;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM stops a node in order: requests in flight finish, then jobs and background tasks, then
 * plugins, the pool and the embedded MariaDB. Runs the application in a child JVM on its own data.
 */
class ShutdownTest {

    /** A node with the tests' fixed services (no demo provider), so its orders stay where the load left them. */
    private static Map<String, String> node(Path data) {
        return Map.of("ordino.rate-limit.sign-in-per-minute", "100000", "ordino.data-dir", data.toString(),
                "ordino.demo-provider", "false");
    }
    private static final Duration START = Duration.ofMinutes(3);

    @Test
    void anIdleNodeStopsWithinTenSecondsInOrderAndLeavesNoDatabaseRunning() throws Exception {
        Path data = Path.of("target", "shutdown-idle-" + System.nanoTime()).toAbsolutePath();
        try (ChildNode node = ChildNode.start("shutdown-idle", Map.of(), node(data), START)) {
            List<ProcessHandle> started = ProcessHandle.of(node.pid()).orElseThrow().descendants().toList();
            assertThat(started).as("the embedded mariadbd").isNotEmpty();

            Duration took = node.terminate(Duration.ofSeconds(60));
            record("idle", took);

            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(started).noneMatch(ProcessHandle::isAlive);
            String log = node.log();
            assertThat(log).doesNotContain("Connection is not available", "Failed to validate connection");
            assertInOrder(log, "Commencing graceful shutdown", "Jobs and background tasks finished",
                    "Stop plugin", "ordino-embedded - Shutdown completed", "Embedded MariaDB stopped");
        }
    }

    @Test
    void aNodeKilledWithSigkillLeavesItsDatabaseRunningAndTheNextStartStopsThatServerAndFindsTheData() throws Exception {
        Path data = Path.of("target", "shutdown-killed-" + System.nanoTime()).toAbsolutePath();
        // Not closed: close() would also stop the server the killed JVM leaves behind, which is what the next start must do.
        ChildNode node = ChildNode.start("shutdown-killed", Map.of(), node(data), START);
        ProcessHandle jvm = ProcessHandle.of(node.pid()).orElseThrow();
        ProcessHandle leftOver = jvm.descendants().filter(p -> p.info().command().orElse("").endsWith("mariadbd")).findFirst()
                .orElseThrow();
        jvm.destroyForcibly(); // the JVM only, as kill -9 or the OOM killer would
        jvm.onExit().join();
        assertThat(leftOver.isAlive()).as("mariadbd outlives the killed JVM").isTrue();
        try (ChildNode again = ChildNode.start("shutdown-killed-again", Map.of(), node(data), START)) {
            assertThat(leftOver.isAlive()).as("the left-over server was stopped").isFalse();
            assertThat(again.log()).contains("left running on");
            HttpResponse<String> token = new Api(again.port()).post("/v1/auth/token", null,
                    "{\"email\":\"admin@ordino.demo\",\"password\":\"admin-demo-1\"}");
            assertThat(token.statusCode()).as("the first start's demo admin is still there").isEqualTo(200);
            again.terminate(Duration.ofSeconds(60));
        } finally {
            leftOver.destroyForcibly();
        }
    }

    @Test
    void ordersInFlightAtSigtermAreAnsweredWithoutAServerErrorAndEveryAcceptedOneIsChargedOnce() throws Exception {
        Path data = Path.of("target", "shutdown-load-" + System.nanoTime()).toAbsolutePath();
        List<Long> customers = new ArrayList<>();
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ChildNode node = ChildNode.start("shutdown-load", Map.of(), node(data), START)) {
            Api api = new Api(node.port());
            String admin = api.token("admin@ordino.demo", "admin-demo-1");
            long product = Long.parseLong(Api.field(api.get("/v1/products?category=tiktok&q=followers", null).body(), "id"));
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = "shutdown-" + i + "-" + UUID.randomUUID() + "@example.com";
                tokens.add(api.newCustomer(email));
                long id = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
                customers.add(id);
                HttpResponse<String> funded = api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                        "{\"amount\":\"1000.00\",\"reason\":\"Test funds\"}");
                assertThat(funded.statusCode()).as(funded.body()).isEqualTo(201);
            }
            String order = "{\"items\":[{\"productId\":" + product + ",\"quantity\":100,"
                    + "\"link\":\"https://www.tiktok.com/@ordino\"}],\"payment\":\"wallet\"}";

            int requests = 160;
            CountDownLatch someAnswered = new CountDownLatch(20);
            ExecutorService clients = Executors.newFixedThreadPool(32);
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String token = tokens.get(i % tokens.size());
                pending.add(clients.submit(() -> {
                    try {
                        return api.post("/v1/orders", token, order, UUID.randomUUID().toString());
                    } catch (IOException refusedOnceStopping) {
                        return null;
                    } finally {
                        someAnswered.countDown();
                    }
                }));
            }
            assertThat(someAnswered.await(120, TimeUnit.SECONDS)).isTrue();
            Duration took = node.terminate(Duration.ofSeconds(60));
            for (Future<HttpResponse<String>> answer : pending) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response != null) {
                    answers.add(response);
                }
            }
            clients.shutdownNow();
            record("under load (" + requests + " orders sent, " + answers.stream().filter(a -> a.statusCode() / 100 == 2).count()
                    + " answered 2xx, " + (requests - answers.size()) + " refused once stopping)", took);
            assertThat(took).isLessThan(Duration.ofSeconds(30));
        }

        List<Long> accepted = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(500).isLessThan(500);
            if (answer.statusCode() / 100 == 2) {
                accepted.add(Long.parseLong(Api.field(answer.body(), "id")));
            }
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(20);

        EmbeddedMariaDb server = EmbeddedMariaDb.startIn(data.resolve("mariadb"));
        try (Connection db = DriverManager.getConnection(server.jdbcUrl("ordino"), server.username(), server.password())) {
            for (long order : accepted) {
                assertThat(count(db, "SELECT COUNT(*) FROM customer_order WHERE id = ? AND payment_status = 'paid'", order))
                        .as("order %d stored and paid", order).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM ledger_entry WHERE reference = CONCAT('order:', ?, ':payment')", order))
                        .as("order %d charged once", order).isEqualTo(1);
            }
            for (long customer : customers) {
                try (PreparedStatement query = db.prepareStatement("SELECT w.balance, (SELECT SUM(amount) FROM ledger_entry l"
                        + " WHERE l.user_id = w.user_id) FROM wallet w WHERE w.user_id = ?")) {
                    query.setLong(1, customer);
                    try (ResultSet row = query.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        BigDecimal balance = row.getBigDecimal(1);
                        assertThat(balance).as("wallet of %d equals its ledger", customer).isEqualByComparingTo(row.getBigDecimal(2));
                    }
                }
            }
        } finally {
            server.close();
        }
    }

    private static long count(Connection db, String sql, long id) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void assertInOrder(String log, String... steps) {
        int from = 0;
        for (String step : steps) {
            int at = log.indexOf(step, from);
            assertThat(at).as("'%s' after the steps before it in:%n%s", step, log.substring(from)).isGreaterThanOrEqualTo(0);
            from = at;
        }
    }

    /** Figures for the reader of the build: how long each stop took. */
    private static void record(String what, Duration took) throws IOException {
        String line = "SIGTERM " + what + ": stopped in " + took.toMillis() + " ms" + System.lineSeparator();
        Figures.report("%s", line);
        Files.writeString(Path.of("target", "shutdown-times.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
