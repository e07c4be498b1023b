package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.RunningOrdino;
import dev.ordino.TestContextHolder;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The REST API v1 against the running app: money under concurrency, idempotency, errors. */
@RunningOrdino
class OrderingApiTest {

    @LocalServerPort
    int port;
    @Autowired
    WalletService wallet;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private String admin;
    private long tiktokFollowers;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
        HttpResponse<String> products = api.get("/v1/products?category=tiktok&q=followers", null);
        tiktokFollowers = Long.parseLong(Api.field(products.body(), "id"));
    }

    private long idOf(String token) throws Exception {
        String email = Api.field(api.get("/v1/admin/users?email=" + emailOf(token), admin).body(), "id");
        return Long.parseLong(email);
    }

    private final Map<String, String> emails = new ConcurrentHashMap<>();

    private String emailOf(String token) {
        return emails.get(token);
    }

    private String customer() throws Exception {
        String email = "api-" + UUID.randomUUID() + "@example.com";
        String token = api.newCustomer(email);
        emails.put(token, email);
        return token;
    }

    private void fund(long userId, String amount) throws Exception {
        HttpResponse<String> r = api.post("/v1/admin/users/" + userId + "/wallet-adjustments", admin,
                "{\"amount\":\"" + amount + "\",\"reason\":\"Test funds\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private String order(long quantity) {
        return "{\"items\":[{\"productId\":" + tiktokFollowers + ",\"quantity\":" + quantity
                + ",\"link\":\"https://www.tiktok.com/@ordino\"}],\"payment\":\"wallet\"}";
    }

    private static <T> List<T> concurrently(int count, Function<Integer, Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 50));
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> task = work.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoHundredConcurrentOrdersOnABalanceForExactly120() throws Exception {
        String customer = customer();
        long id = idOf(customer);
        fund(id, "60.00"); // 120 orders of 100 followers at 0.50

        List<Integer> statuses = concurrently(200, i -> () -> api.post("/v1/orders", customer, order(100)).statusCode());

        Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(201, 120L, 402, 80L));
        assertThat(wallet.balance(id)).isEqualByComparingTo("0.00");
        assertThat(wallet.ledgerSum(id)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE user_id = ? AND type = 'order_payment'",
                Long.class, id)).isEqualTo(120);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", Long.class, id)).isEqualTo(120);
    }

    @Test
    void theSameIdempotencyKeyTenTimesConcurrentlyMakesOneOrderAndOneCharge() throws Exception {
        String customer = customer();
        long id = idOf(customer);
        fund(id, "5.00");
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> responses = concurrently(10, i -> () -> api.post("/v1/orders", customer, order(100), key));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201, 200);
        assertThat(responses.stream().filter(r -> r.statusCode() == 201).count()).isEqualTo(1);
        assertThat(responses.stream().map(r -> Api.field(r.body(), "id")).distinct().count()).isEqualTo(1);
        assertThat(wallet.balance(id)).isEqualByComparingTo("4.50");

        HttpResponse<String> reused = api.post("/v1/orders", customer, order(200), key);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(Api.field(reused.body(), "code")).isEqualTo("idempotency_key_reused");
        assertThat(wallet.balance(id)).isEqualByComparingTo("4.50");
    }

    @Test
    void ordersThroughTheApiAndTheUiServiceAtOnceShareOneBalanceExactly() throws Exception {
        // Half the orders come over HTTP, half through the same service the order form calls.
        String customer = customer();
        long id = idOf(customer);
        fund(id, "30.00"); // 60 orders
        var orderService = TestContextHolder.bean(OrderService.class);
        String email = emailOf(customer);
        var account = new AccountSummary(id, email, "API Customer", Set.of("CUSTOMER"), true, null, false, null, 0);
        var actors = TestContextHolder.bean(Actors.class);

        List<String> outcomes = concurrently(100, i -> i % 2 == 0
                ? () -> Integer.toString(api.post("/v1/orders", customer, order(100)).statusCode())
                : () -> {
                    try {
                        actors.as(account, () -> orderService.place(id, email, new PlaceOrder(List.of(
                                new PlaceOrder.Line(tiktokFollowers, 100L, "https://www.tiktok.com/@ordino", null)),
                                "wallet"), null));
                        return "201";
                    } catch (DomainException e) {
                        return Integer.toString(e.status());
                    }
                });

        assertThat(outcomes.stream().filter("201"::equals).count()).isEqualTo(60);
        assertThat(outcomes.stream().filter("402"::equals).count()).isEqualTo(40);
        assertThat(wallet.balance(id)).isEqualByComparingTo("0.00");
        assertThat(wallet.ledgerSum(id)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aCustomerNeverSeesAnotherCustomersOrderThroughTheApi() throws Exception {
        String alice = customer();
        fund(idOf(alice), "5.00");
        String aliceOrder = Api.field(api.post("/v1/orders", alice, order(100)).body(), "id");
        String bob = customer();

        HttpResponse<String> peek = api.get("/v1/orders/" + aliceOrder, bob);
        assertThat(peek.statusCode()).isEqualTo(404);
        assertThat(Api.field(peek.body(), "code")).isEqualTo("order_not_found");
        assertThat(api.get("/v1/orders/" + aliceOrder + "/payment-status", bob).statusCode()).isEqualTo(404);
        assertThat(api.post("/v1/orders/" + aliceOrder + "/cancel", bob, "{}").statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/orders", bob).body()).contains("\"total\":0");

        HttpResponse<String> own = api.get("/v1/orders/" + aliceOrder, alice);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"total\":\"0.50\"", "\"paymentStatus\":\"paid\"", "\"status\":\"pending\"", "\"timeline\":[");
        assertThat(api.get("/v1/orders/" + aliceOrder + "/payment-status", alice).body())
                .contains("\"paymentStatus\":\"paid\"", "\"currency\":\"USD\"");
    }

    @Test
    void badInputGetsAClearProblemAndNeverA500() throws Exception {
        String customer = customer();
        fund(idOf(customer), "5.00");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(order(-5), "quantity_out_of_range");
        cases.put(order(0), "quantity_out_of_range");
        cases.put(order(1000000000000L), "quantity_out_of_range");
        cases.put("{\"items\":[{\"productId\":" + tiktokFollowers + ",\"quantity\":1e400}]}", "malformed_request");
        cases.put("{\"items\":[{\"productId\":", "malformed_request");
        cases.put("not json at all", "malformed_request");
        cases.put("{}", "items_required");
        cases.put("{\"items\":[]}", "items_required");
        cases.put("{\"items\":[{\"quantity\":100}]}", "product_required");
        cases.put("{\"items\":[{\"productId\":999999999,\"quantity\":100}]}", "product_not_found");
        cases.put("{\"items\":[{\"productId\":\"abc\",\"quantity\":100}]}", "malformed_request");
        cases.put("{\"items\":[{\"productId\":" + tiktokFollowers + ",\"quantity\":100,\"link\":\"' OR 1=1; DROP TABLE customer_order; --\"}]}",
                "invalid_link");
        cases.put("{\"items\":[{\"productId\":" + tiktokFollowers + ",\"quantity\":100,\"link\":\"<script>alert(1)</script>\"}]}",
                "invalid_link");
        cases.put("{\"items\":[{\"productId\":" + tiktokFollowers + ",\"quantity\":100,\"link\":\"https://www.tiktok.com/@x\"}],\"payment\":\"card\"}",
                "unsupported_payment");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = api.post("/v1/orders", customer, c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type")).as(c.getKey()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(Api.field(r.body(), "code")).as(c.getKey()).isEqualTo(c.getValue());
            assertThat(r.body()).as(c.getKey()).doesNotContain("Exception").doesNotContain("at dev.ordino");
        }
        HttpResponse<String> fieldError = api.post("/v1/orders", customer, order(5));
        assertThat(fieldError.body()).contains("\"errors\":[{").contains("\"field\":\"quantity\"");
        // The note is free text: stored and answered as given, never interpreted.
        HttpResponse<String> html = api.post("/v1/orders", customer, "{\"items\":[{\"productId\":" + tiktokFollowers
                + ",\"quantity\":100,\"link\":\"https://www.tiktok.com/@x\",\"note\":\"<b>hi</b>'; DROP TABLE wallet; --\"}]}");
        assertThat(html.statusCode()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet", Long.class)).isPositive();

        assertThat(api.get("/v1/orders/abc", customer).statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/orders/99999999", customer).statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/products/99999999", null).statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/products?type=spaceship", null).statusCode()).isEqualTo(400);
    }

    @Test
    void staffMoveRefundAndMarkOrdersThroughTheAdminApi() throws Exception {
        String customer = customer();
        long id = idOf(customer);
        fund(id, "5.00");
        String orderId = Api.field(api.post("/v1/orders", customer, order(400)).body(), "id"); // 2.00

        HttpResponse<String> illegal = api.post("/v1/admin/orders/" + orderId + "/status", admin, "{\"status\":\"partial\"}");
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(Api.field(illegal.body(), "code")).isEqualTo("illegal_transition");
        assertThat(api.post("/v1/admin/orders/" + orderId + "/status", admin,
                "{\"status\":\"processing\",\"reason\":\"Sent\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> notCancellable = api.post("/v1/orders/" + orderId + "/cancel", customer, "{}");
        assertThat(notCancellable.statusCode()).isEqualTo(409);
        assertThat(Api.field(notCancellable.body(), "code")).isEqualTo("not_cancellable");

        HttpResponse<String> tooMuch = api.post("/v1/admin/orders/" + orderId + "/refunds", admin, "{\"amount\":\"2.01\",\"reason\":\"x\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(Api.field(tooMuch.body(), "code")).isEqualTo("refund_exceeds_paid");
        HttpResponse<String> partial = api.post("/v1/admin/orders/" + orderId + "/refunds", admin,
                "{\"amount\":0.5,\"reason\":\"Slow\"}", "refund-" + orderId);
        assertThat(partial.statusCode()).isEqualTo(201);
        assertThat(partial.body()).contains("\"paymentStatus\":\"partially_refunded\"", "\"refunded\":\"0.50\"");
        assertThat(api.post("/v1/admin/orders/" + orderId + "/refunds", admin, "{\"amount\":0.5,\"reason\":\"Slow\"}",
                "refund-" + orderId).statusCode()).as("the same key refunds once").isEqualTo(200);
        HttpResponse<String> paid = api.post("/v1/admin/orders/" + orderId + "/mark-paid", admin, "{}");
        assertThat(paid.statusCode()).isEqualTo(409);
        assertThat(Api.field(paid.body(), "code")).isEqualTo("already_paid");

        HttpResponse<String> listed = api.get("/v1/admin/orders?status=processing&paymentStatus=partially_refunded&customer="
                + emailOf(customer) + "&from=2020-01-01&to=2999-12-31", admin);
        assertThat(listed.body()).contains("\"id\":" + orderId, "\"total\":1");
        assertThat(api.get("/v1/admin/orders?status=flying", admin).statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/admin/orders?from=yesterday", admin).statusCode()).isEqualTo(400);
        assertThat(api.get("/v1/wallet", customer).body()).contains("\"balance\":\"3.50\"");
    }

    @Test
    void authAndRolesAreProblemsToo() throws Exception {
        HttpResponse<String> noToken = api.get("/v1/orders", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(Api.field(noToken.body(), "code")).isEqualTo("unauthorized");
        assertThat(api.get("/v1/wallet", "not-a-token").statusCode()).isEqualTo(401);
        String customer = customer();
        HttpResponse<String> notStaff = api.get("/v1/admin/orders", customer);
        assertThat(notStaff.statusCode()).isEqualTo(403);
        assertThat(Api.field(notStaff.body(), "code")).isEqualTo("forbidden");

        HttpResponse<String> wrong = api.post("/v1/auth/token", null, "{\"email\":\"admin@ordino.demo\",\"password\":\"nope\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> token = api.post("/v1/auth/token", null, "{\"email\":\"admin@ordino.demo\",\"password\":\"admin-demo-1\"}");
        assertThat(token.body()).contains("\"token_type\":\"Bearer\"", "\"expires_in\":3600", "\"access_token\":\"");

        String email = "dup-" + UUID.randomUUID() + "@example.com";
        assertThat(api.post("/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"longenough\",\"name\":\"A\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> taken = api.post("/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"longenough\",\"name\":\"A\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(Api.field(taken.body(), "code")).isEqualTo("email_taken");
        HttpResponse<String> weak = api.post("/v1/auth/register", null, "{\"email\":\"w-" + email + "\",\"password\":\"short\",\"name\":\"A\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(Api.field(weak.body(), "code")).isEqualTo("weak_password");
    }

    @Test
    void theCatalogAndWalletEndpointsAnswerTheContract() throws Exception {
        assertThat(api.get("/v1/categories", null).body()).contains("\"slug\":\"tiktok\"", "\"productCount\":3");
        HttpResponse<String> page = api.get("/v1/products?category=tiktok&size=500", null);
        assertThat(page.body()).contains("\"size\":100", "\"page\":0", "\"total\":3", "\"price\":\"0.50\"", "\"pricePer\":100",
                "\"type\":\"service\"", "\"category\":\"tiktok\"", "\"inStock\":true");
        String customer = customer();
        long id = idOf(customer);
        HttpResponse<String> adjust = api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":12.5,\"reason\":\"Welcome bonus\"}", "adj-" + id);
        assertThat(adjust.statusCode()).isEqualTo(201);
        assertThat(api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":12.5,\"reason\":\"Welcome bonus\"}", "adj-" + id).statusCode()).as("same key books once").isEqualTo(200);
        assertThat(api.get("/v1/wallet", customer).body()).isEqualTo("{\"balance\":\"12.50\",\"currency\":\"USD\"}");
        HttpResponse<String> tooPrecise = api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":\"1.005\",\"reason\":\"x\"}");
        assertThat(Api.field(tooPrecise.body(), "code")).isEqualTo("invalid_amount");
        HttpResponse<String> overdraw = api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":\"-13\",\"reason\":\"Too much\"}");
        assertThat(overdraw.statusCode()).isEqualTo(409);
        assertThat(Api.field(overdraw.body(), "code")).isEqualTo("insufficient_balance");
        assertThat(api.get("/v1/wallet/transactions", customer).body())
                .contains("\"type\":\"adjustment\"", "\"amount\":\"12.50\"", "\"balanceAfter\":\"12.50\"", "\"reference\":\"adjustment:");
    }
}
