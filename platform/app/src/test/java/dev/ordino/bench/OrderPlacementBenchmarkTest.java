package dev.ordino.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.security.ApiTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Order placement through the HTTP API against a raw-JDBC baseline doing the same wallet update
 * and inserts on the same MariaDB, in the same run. Not part of the test command: run it with
 * {@code ./mvnw -B -pl platform/app -am verify -Pbenchmark}. It prints figures; it asserts only
 * that the money adds up, never a speed.
 */
@RunningOrdino
@Tag("benchmark")
class OrderPlacementBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(OrderPlacementBenchmarkTest.class);

    static final int CLIENTS = 32;
    static final int CUSTOMERS = 1000;
    static final int ORDERS = Integer.getInteger("bench.orders", 4000);
    static final int WARMUP = 600;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApiTokens tokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Result(String name, int ok, int refused, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double p) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }

        String line() {
            return String.format("%-34s %8d %8d %10.0f %9.1f %9.1f", name, ok, refused, perSecond(), percentileMillis(0.50),
                    percentileMillis(0.99));
        }
    }

    interface Operation {
        /** true when the order was placed, false when refused (e.g. no balance). */
        boolean run(int customerIndex) throws Exception;
    }

    @Test
    void placeOrdersThroughTheApiAndThroughRawJdbc() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long service = jdbc.queryForObject("SELECT id FROM offering WHERE name = 'TikTok Followers'", Long.class);
        List<Long> customers = createCustomers(jdbc, CUSTOMERS, "1000.00");
        // Each hot-wallet case gets its own customer with funds for every order it will try.
        List<Long> hot = createCustomers(jdbc, 2, "100000.00");
        List<Long> everyone = new ArrayList<>(customers);
        everyone.addAll(hot);
        List<String> bearer = everyone.stream().map(id -> tokens.issue(id, "bench-" + id + "@example.com", Set.of("CUSTOMER"), 0)).toList();
        String body = "{\"items\":[{\"productId\":" + service + ",\"quantity\":100,\"link\":\"https://www.tiktok.com/@bench\"}]}";

        Operation api = i -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orders"))
                    .header("Authorization", "Bearer " + bearer.get(i)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 402) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.statusCode() == 201;
        };
        Operation raw = i -> rawOrder(everyone.get(i), service);
        // What one authenticated HTTP round trip costs here, with a single-row read behind it.
        Operation read = i -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/wallet"))
                .header("Authorization", "Bearer " + bearer.get(i)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode() == 200;

        run("warm-up (API)", api, WARMUP, CUSTOMERS);
        run("warm-up (JDBC)", raw, WARMUP, CUSTOMERS);
        Result apiSpread = run("API, 1000 customers", api, ORDERS, CUSTOMERS);
        Result rawSpread = run("raw JDBC, 1000 customers", raw, ORDERS, CUSTOMERS);
        Result apiRead = run("API read only (GET /v1/wallet)", read, ORDERS, CUSTOMERS);
        Result apiHot = run("API, one hot wallet", api, ORDERS / 2, CUSTOMERS, 1);
        Result rawHot = run("raw JDBC, one hot wallet", raw, ORDERS / 2, CUSTOMERS + 1, 1);

        StringBuilder report = new StringBuilder();
        report.append(String.format("Order placement, %d clients, %d cores, MariaDB %s%n", CLIENTS,
                Runtime.getRuntime().availableProcessors(), jdbc.queryForObject("SELECT VERSION()", String.class)));
        report.append(String.format("%-34s %8s %8s %10s %9s %9s%n", "case", "placed", "refused", "orders/s", "p50 ms", "p99 ms"));
        for (Result r : List.of(apiSpread, rawSpread, apiRead, apiHot, rawHot)) {
            report.append(r.line()).append('\n');
        }
        report.append(String.format("ratio API / raw JDBC: %.0f %% (1000 customers), %.0f %% (one hot wallet)%n",
                100 * apiSpread.perSecond() / rawSpread.perSecond(), 100 * apiHot.perSecond() / rawHot.perSecond()));
        log.info("\n===== BENCHMARK =====\n{}=====================", report);
        Files.writeString(Path.of("target", "benchmark.txt"), report.toString());

        for (long id : everyone) {
            BigDecimal balance = jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", BigDecimal.class, id);
            BigDecimal ledger = jdbc.queryForObject("SELECT SUM(amount) FROM ledger_entry WHERE user_id = ?", BigDecimal.class, id);
            assertThat(ledger).as("ledger of " + id).isEqualByComparingTo(balance);
        }
    }

    private Result run(String name, Operation operation, int total, int customers) throws Exception {
        return run(name, operation, total, 0, customers);
    }

    /** {@code total} operations by {@link #CLIENTS} threads, each on a random customer in [first, first + customers). */
    private Result run(String name, Operation operation, int total, int first, int customers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] latencies = new long[total];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            Thread thread = Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        int customer = first + (customers == 1 ? 0 : ThreadLocalRandom.current().nextInt(customers));
                        long begin = System.nanoTime();
                        boolean placed = operation.run(customer);
                        latencies[n] = (System.nanoTime() - begin) / 1000;
                        (placed ? ok : refused).incrementAndGet();
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(thread);
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (!errors.isEmpty()) {
            throw new IllegalStateException(name + " failed", errors.getFirst());
        }
        return new Result(name, ok.get(), refused.get(), seconds, latencies);
    }

    /** The same work as a wallet-paid order, by hand: lock, guarded debit, order, item, ledger, timeline. */
    private boolean rawOrder(long customer, long offering) throws Exception {
        BigDecimal price = new BigDecimal("0.50");
        Timestamp now = Timestamp.from(Instant.now());
        for (int attempt = 0; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    try (PreparedStatement lock = c.prepareStatement("SELECT balance FROM wallet WHERE user_id = ? FOR UPDATE")) {
                        lock.setLong(1, customer);
                        lock.executeQuery().close();
                    }
                    try (PreparedStatement debit = c.prepareStatement(
                            "UPDATE wallet SET balance = balance - ?, updated_at = ? WHERE user_id = ? AND balance >= ?")) {
                        debit.setBigDecimal(1, price);
                        debit.setTimestamp(2, now);
                        debit.setLong(3, customer);
                        debit.setBigDecimal(4, price);
                        if (debit.executeUpdate() != 1) {
                            c.rollback();
                            return false;
                        }
                    }
                    long orderId;
                    try (PreparedStatement order = c.prepareStatement("INSERT INTO customer_order (customer_id, status, payment_status, "
                            + "payment_method, total, paid_amount, refunded_amount, currency, handed_to_fulfilment, created_at, paid_at, "
                            + "updated_at, version) VALUES (?, 'pending', 'paid', 'wallet', ?, ?, 0, 'USD', 0, ?, ?, ?, 0)",
                            Statement.RETURN_GENERATED_KEYS)) {
                        order.setLong(1, customer);
                        order.setBigDecimal(2, price);
                        order.setBigDecimal(3, price);
                        order.setTimestamp(4, now);
                        order.setTimestamp(5, now);
                        order.setTimestamp(6, now);
                        order.executeUpdate();
                        try (ResultSet keys = order.getGeneratedKeys()) {
                            keys.next();
                            orderId = keys.getLong(1);
                        }
                    }
                    try (PreparedStatement number = c.prepareStatement("UPDATE customer_order SET number = ? WHERE id = ?")) {
                        number.setString(1, String.format("ORD-%06d", orderId));
                        number.setLong(2, orderId);
                        number.executeUpdate();
                    }
                    try (PreparedStatement item = c.prepareStatement("INSERT INTO order_item (order_id, position, offering_id, kind, name, "
                            + "quantity, link, unit_price, price_per, line_total, status) VALUES (?, 1, ?, 'SERVICE', 'TikTok Followers', "
                            + "100, 'https://www.tiktok.com/@bench', 0.5, 100, ?, 'pending')")) {
                        item.setLong(1, orderId);
                        item.setLong(2, offering);
                        item.setBigDecimal(3, price);
                        item.executeUpdate();
                    }
                    try (PreparedStatement ledger = c.prepareStatement("INSERT INTO ledger_entry (user_id, type, amount, balance_after, "
                            + "reference, description, created_by, created_at) SELECT ?, 'order_payment', ?, balance, ?, 'bench', 'bench', ? "
                            + "FROM wallet WHERE user_id = ?")) {
                        ledger.setLong(1, customer);
                        ledger.setBigDecimal(2, price.negate());
                        ledger.setString(3, "order:" + orderId + ":payment");
                        ledger.setTimestamp(4, now);
                        ledger.setLong(5, customer);
                        ledger.executeUpdate();
                    }
                    try (PreparedStatement timeline = c.prepareStatement("INSERT INTO order_timeline (order_id, at, actor, to_status, note) "
                            + "VALUES (?, ?, 'bench', 'pending', 'Placed')")) {
                        timeline.setLong(1, orderId);
                        timeline.setTimestamp(2, now);
                        timeline.executeUpdate();
                    }
                    c.commit();
                    return true;
                } catch (SQLTransactionRollbackException deadlock) {
                    c.rollback();
                    if (attempt >= 3) {
                        throw deadlock;
                    }
                }
            }
        }
    }

    /** Customers straight into the tables (hashing 1000 passwords would only measure BCrypt). */
    private List<Long> createCustomers(JdbcTemplate jdbc, int count, String funds) {
        String run = Long.toString(System.nanoTime(), 36);
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-" + run + "-" + i + "@example.com";
            jdbc.update("INSERT INTO app_user (email, display_name, password_hash, enabled, created_at, version) VALUES (?, 'Bench', 'x', 1, ?, 0)",
                    email, now);
            long id = jdbc.queryForObject("SELECT id FROM app_user WHERE email = ?", Long.class, email);
            jdbc.update("INSERT INTO app_user_role (user_id, role) VALUES (?, 'CUSTOMER')", id);
            jdbc.update("INSERT INTO wallet (user_id, balance, updated_at) VALUES (?, ?, ?)", id, new BigDecimal(funds), now);
            jdbc.update("INSERT INTO ledger_entry (user_id, type, amount, balance_after, reference, description, created_by, created_at) "
                    + "VALUES (?, 'adjustment', ?, ?, ?, 'Benchmark funds', 'bench', ?)", id, new BigDecimal(funds),
                    new BigDecimal(funds), "bench:" + run + ":" + i, now);
            ids.add(id);
        }
        return ids;
    }
}
