package dev.ordino.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.e2e.Api;
import dev.ordino.reseller.PanelClient.Answer;
import dev.ordino.reseller.PanelClient.Style;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SMM panel API v2 as panels, bots and scripts call it: form posts, query strings and JSON bodies. */
@RunningOrdino
class PanelApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private PanelClient panel;
    private String admin;
    private long service;
    private long min;
    private long max;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        panel = new PanelClient(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
        service = Long.parseLong(Api.field(api.get("/v1/products?category=tiktok&q=followers", null).body(), "id"));
        min = jdbc.queryForObject("SELECT min_quantity FROM offering WHERE id = ?", Long.class, service);
        max = jdbc.queryForObject("SELECT max_quantity FROM offering WHERE id = ?", Long.class, service);
    }

    /** A customer with a token, an id and (when funded) money in the wallet. */
    private record Customer(String token, long id, String email) {
    }

    private Customer customer(String funds) throws Exception {
        String email = "panel-" + UUID.randomUUID() + "@example.com";
        String token = api.newCustomer(email);
        long id = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
        if (funds != null) {
            HttpResponse<String> r = api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                    "{\"amount\":\"" + funds + "\",\"reason\":\"Test funds\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        return new Customer(token, id, email);
    }

    private String key(Customer customer, String... allowedIps) throws Exception {
        String ips = allowedIps.length == 0 ? "" : ",\"allowedIps\":[\"" + String.join("\",\"", allowedIps) + "\"]";
        HttpResponse<String> created = api.post("/v1/me/api-keys", customer.token(), "{\"name\":\"Reseller panel\"" + ips + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Api.field(created.body(), "key");
    }

    private long add(String key, long quantity) throws Exception {
        Answer added = panel.call(key, "add", "service", Long.toString(service), "link", "https://www.tiktok.com/@ordino",
                "quantity", Long.toString(quantity));
        assertThat(added.json().has("order")).as(added.body()).isTrue();
        return added.json().get("order").asLong();
    }

    @Test
    void aNewKeyIsShownOnceListedByItsPrefixAndDeadAtOnceWhenRotatedOrRevoked() throws Exception {
        Customer customer = customer("5");
        HttpResponse<String> created = api.post("/v1/me/api-keys", customer.token(), "{\"name\":\"My panel\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = Api.field(created.body(), "key");
        String prefix = Api.field(created.body(), "prefix");
        long id = Long.parseLong(Api.field(created.body(), "id"));
        assertThat(key).startsWith(prefix).hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT key_hash FROM api_key WHERE id = ?", String.class, id))
                .as("only the SHA-256 is stored").isEqualTo(ApiKeys.hash(key)).doesNotContain(key);

        assertThat(panel.call(key, "balance").json().get("balance").asString()).isEqualTo("5.0000");
        String listed = api.get("/v1/me/api-keys", customer.token()).body();
        assertThat(listed).contains(prefix).contains("\"lastUsedAt\":\"").doesNotContain(key);

        HttpResponse<String> rotated = api.post("/v1/me/api-keys/" + id + "/rotate", customer.token(), "");
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newKey = Api.field(rotated.body(), "key");
        assertThat(panel.call(key, "balance").error()).isEqualTo("Invalid API key");
        assertThat(panel.call(newKey, "balance").error()).isNull();

        Customer stranger = customer(null);
        assertThat(api.delete("/v1/me/api-keys/" + id, stranger.token()).statusCode()).isEqualTo(404);
        assertThat(panel.call(newKey, "balance").error()).isNull();
        assertThat(api.delete("/v1/me/api-keys/" + id, customer.token()).statusCode()).isEqualTo(204);
        assertThat(panel.call(newKey, "balance").error()).isEqualTo("Invalid API key");
        assertThat(api.get("/v1/me/api-keys", customer.token()).body()).isEqualTo("[]");
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void everyActionAnswersAsPanelsDo(Style style) throws Exception {
        Customer customer = customer("10");
        String key = key(customer);

        Answer services = panel.call(style, key, "services");
        JsonNode ours = null;
        for (JsonNode s : services.json()) {
            if (s.get("service").asLong() == service) {
                ours = s;
            }
        }
        assertThat(ours).as(services.body()).isNotNull();
        assertThat(ours.get("rate").isString()).isTrue();
        assertThat(ours.get("min").asString()).isEqualTo(Long.toString(min));
        assertThat(ours.get("max").asString()).isEqualTo(Long.toString(max));
        assertThat(ours.get("type").asString()).isNotBlank();
        assertThat(ours.get("refill").isBoolean() && ours.get("cancel").isBoolean() && ours.get("dripfeed").isBoolean()).isTrue();

        Answer added = panel.call(style, key, "add", "service", Long.toString(service), "link", "https://www.tiktok.com/@ordino",
                "quantity", Long.toString(min));
        long order = added.json().get("order").asLong();
        assertThat(order).as(added.body()).isPositive();

        Answer status = panel.call(style, key, "status", "order", Long.toString(order));
        assertThat(status.json().get("status").asString()).isEqualTo("Pending");
        assertThat(status.json().get("remains").asString()).isEqualTo(Long.toString(min));
        assertThat(status.json().get("start_count").asString()).isEqualTo("0");
        assertThat(status.json().get("currency").asString()).isEqualTo("USD");
        BigDecimal charge = new BigDecimal(status.json().get("charge").asString());
        assertThat(charge).isPositive();

        Answer balance = panel.call(style, key, "balance");
        assertThat(balance.json().get("balance").asString()).isEqualTo(new BigDecimal("10").subtract(charge).setScale(4).toPlainString());
        assertThat(balance.json().get("currency").asString()).isEqualTo("USD");

        Answer refill = panel.call(style, key, "refill", "order", Long.toString(order));
        assertThat(refill.error()).as(refill.body()).isNotBlank().isNotEqualTo("Incorrect request");
        assertThat(panel.call(style, key, "refill_status", "refill", "987654321").error()).isEqualTo("Incorrect refill ID");

        Answer cancelled = panel.call(style, key, "cancel", "orders", Long.toString(order));
        assertThat(cancelled.json().get(0).get("order").asLong()).isEqualTo(order);
        assertThat(cancelled.json().get(0).get("cancel").asInt()).as(cancelled.body()).isEqualTo(1);
        assertThat(panel.call(style, key, "status", "order", Long.toString(order)).json().get("status").asString())
                .isEqualTo("Canceled");
        assertThat(panel.call(style, key, "balance").json().get("balance").asString()).as("refunded").isEqualTo("10.0000");

        assertThat(panel.call(style, key, "dance").error()).isEqualTo("Incorrect request");
        assertThat(panel.call(style, null, "balance").error()).isEqualTo("Invalid API key");
        assertThat(panel.call(style, "ord_not-a-key", "balance").error()).isEqualTo("Invalid API key");
    }

    @Test
    void batchAnswersCarryAnErrorPerItem() throws Exception {
        Customer customer = customer("10");
        String key = key(customer);
        long first = add(key, min);
        long second = add(key, min);
        Customer other = customer("10");
        long theirs = add(key(other), min);

        Answer status = panel.call(Style.QUERY, key, "status", "orders", first + "," + theirs + ",abc," + second + ",99999999");
        JsonNode json = status.json();
        assertThat(json.get(Long.toString(first)).get("status").asString()).isEqualTo("Pending");
        assertThat(json.get(Long.toString(second)).get("charge").asString()).isNotBlank();
        assertThat(json.get(Long.toString(theirs)).get("error").asString()).isEqualTo("Incorrect order ID");
        assertThat(json.get("abc").get("error").asString()).isEqualTo("Incorrect order ID");
        assertThat(json.get("99999999").get("error").asString()).isEqualTo("Incorrect order ID");

        Answer refills = panel.call(Style.JSON, key, "refill", "orders", first + "," + theirs);
        assertThat(refills.json().get(0).get("order").asLong()).isEqualTo(first);
        assertThat(refills.json().get(0).get("refill").get("error").asString()).isNotBlank();
        assertThat(refills.json().get(1).get("refill").get("error").asString()).isEqualTo("Incorrect order ID");

        Answer cancels = panel.call(Style.FORM, key, "cancel", "orders", first + "," + theirs + "," + second);
        assertThat(cancels.json().get(0).get("cancel").asInt()).isEqualTo(1);
        assertThat(cancels.json().get(1).get("cancel").get("error").asString()).isEqualTo("Incorrect order ID");
        assertThat(cancels.json().get(2).get("cancel").asInt()).isEqualTo(1);
        assertThat(panel.call(Style.FORM, key(other), "status", "order", Long.toString(theirs)).json().get("status").asString())
                .as("another customer's order is untouched").isEqualTo("Pending");

        Answer refillStatuses = panel.call(Style.FORM, key, "refill_status", "refills", "1,x");
        assertThat(refillStatuses.json().get(1).get("status").get("error").asString()).isEqualTo("Incorrect refill ID");

        List<String> hundredAndOne = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            hundredAndOne.add(Long.toString(i));
        }
        assertThat(panel.call(Style.FORM, key, "status", "orders", String.join(",", hundredAndOne)).error())
                .isEqualTo("Incorrect request");
    }

    @Test
    void addRefusesWithThePanelsWordsAndChargesNothing() throws Exception {
        Customer customer = customer("0.01");
        String key = key(customer);
        String link = "https://www.tiktok.com/@ordino";
        assertThat(panel.call(key, "add", "service", Long.toString(service), "link", link, "quantity", Long.toString(min))
                .error()).isEqualTo("Not enough funds on balance");
        assertThat(panel.call(key, "add", "service", Long.toString(service), "link", link, "quantity", Long.toString(min - 1))
                .error()).isEqualTo("Quantity less than minimal " + min);
        assertThat(panel.call(key, "add", "service", Long.toString(service), "link", link, "quantity", Long.toString(max + 1))
                .error()).isEqualTo("Quantity more than maximal " + max);
        assertThat(panel.call(key, "add", "service", Long.toString(service), "link", "not a link", "quantity", Long.toString(min))
                .error()).isEqualTo("Incorrect link");
        assertThat(panel.call(key, "add", "service", "99999999", "link", link, "quantity", Long.toString(min)).error())
                .isEqualTo("Incorrect service ID");
        jdbc.update("UPDATE offering SET active = 0 WHERE id = ?", service);
        try {
            assertThat(panel.call(key, "add", "service", Long.toString(service), "link", link, "quantity", Long.toString(min))
                    .error()).as("a disabled service").isEqualTo("Incorrect service ID");
        } finally {
            jdbc.update("UPDATE offering SET active = 1 WHERE id = ?", service);
        }
        assertThat(panel.call(key, "balance").json().get("balance").asString()).isEqualTo("0.0100");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", Long.class, customer.id()))
                .isZero();
    }

    @Test
    void aBodyOverTheLimitOrAMalformedOneIsAnsweredInThePanelsWay() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI url = URI.create("http://127.0.0.1:" + port + "/api/v2");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("key=x&action=balance&pad=" + "a".repeat(300 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("refused before it is read").isEqualTo(413);
        assertThat(refused.body()).isEqualTo("{\"error\":\"Incorrect request\"}");
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\": ")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).isEqualTo("{\"error\":\"Incorrect request\"}");
    }

    @Test
    void theSameIdempotencyKeyPlacesOneOrderAndChargesOnce() throws Exception {
        Customer customer = customer("10");
        String key = key(customer);
        String[] fields = {"service", Long.toString(service), "link", "https://www.tiktok.com/@ordino", "quantity",
                Long.toString(min), "idempotency_key", "retry-" + UUID.randomUUID()};
        long first = panel.call(Style.FORM, key, "add", fields).json().get("order").asLong();
        long again = panel.call(Style.JSON, key, "add", fields).json().get("order").asLong();
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", Long.class, customer.id()))
                .isEqualTo(1);
        long without = add(key, min);
        assertThat(without).isNotEqualTo(first);
    }

    @Test
    void retriesSentAtOnceWithOneIdempotencyKeyPlaceOneOrder() throws Exception {
        Customer customer = customer("10");
        String key = key(customer);
        String[] fields = {"service", Long.toString(service), "link", "https://www.tiktok.com/@ordino", "quantity",
                Long.toString(min), "idempotency_key", "burst-" + UUID.randomUUID()};
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> panel.call(Style.FORM, key, "add", fields)));
            }
            Set<Long> orders = new HashSet<>();
            for (Future<Answer> answer : answers) {
                Answer a = answer.get();
                assertThat(a.json().has("order")).as(a.body()).isTrue();
                orders.add(a.json().get("order").asLong());
            }
            assertThat(orders).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", Long.class, customer.id()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE user_id = ? AND type = 'order_payment'",
                Long.class, customer.id())).isEqualTo(1);
    }

    @Test
    void keysOfADisabledAccountOrDisabledByStaffAreInvalid() throws Exception {
        Customer customer = customer("1");
        String key = key(customer);
        String second = key(customer);
        assertThat(panel.call(key, "balance").error()).isNull();
        long secondId = jdbc.queryForObject("SELECT id FROM api_key WHERE key_hash = ?", Long.class, ApiKeys.hash(second));
        assertThat(api.post("/v1/admin/api-keys/" + secondId + "/disable", admin, "").statusCode()).isEqualTo(204);
        assertThat(panel.call(second, "balance").error()).isEqualTo("Invalid API key");
        assertThat(api.post("/v1/admin/api-keys/" + secondId + "/disable", customer.token(), "").statusCode())
                .as("customers cannot disable keys").isEqualTo(403);

        assertThat(api.put("/v1/admin/users/" + customer.id(), admin, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(panel.call(key, "balance").error()).isEqualTo("Invalid API key");
    }

    @Test
    void aKeyLimitedToAnAddressRefusesCallsFromAnother() throws Exception {
        Customer customer = customer("1");
        String key = key(customer, "127.0.0.2");
        assertThat(panel.call(key, "balance").error()).isEqualTo("IP address not allowed");
        PanelClient fromAllowed = new PanelClient(port, InetAddress.getByName("127.0.0.2"));
        assertThat(fromAllowed.call(Style.FORM, key, "balance").json().get("balance").asString()).isEqualTo("1.0000");

        HttpResponse<String> bad = api.post("/v1/me/api-keys", customer.token(), "{\"name\":\"x\",\"allowedIps\":[\"evil.example\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Api.field(bad.body(), "code")).isEqualTo("invalid_address");
    }

    @Test
    void aKeyOverItsLimitIsAnswered429TooManyRequestsAndEveryCallIsLoggedWithoutTheKey() throws Exception {
        Customer customer = customer("1");
        String key = key(customer);
        int allowed = 60; // ordino.reseller.calls-per-key-per-minute in the test profile, refilled one a second
        int made = 0;
        Answer refused = null;
        while (refused == null && made < allowed + 20) {
            Answer answer = panel.call(key, "balance");
            made++;
            if (answer.status() != 200) {
                refused = answer;
            }
        }
        assertThat(refused).as("refused within " + made + " calls").isNotNull();
        assertThat(made).as("the whole allowance first").isGreaterThan(allowed);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("Too many requests");
        String other = key(customer);
        assertThat(panel.call(other, "balance").status()).as("another key has its own bucket").isEqualTo(200);

        String log = api.get("/v1/me/api-calls", customer.token()).body();
        assertThat(log).doesNotContain(key).doesNotContain(other).contains("\"action\":\"balance\"")
                .contains("\"result\":\"Too many requests\"").contains("\"address\":\"127.0.0.1\"");
        JsonNode calls = JsonMapper.builder().build().readTree(log);
        assertThat(calls.size()).as("every call of both keys").isEqualTo(made + 1);
    }
}
