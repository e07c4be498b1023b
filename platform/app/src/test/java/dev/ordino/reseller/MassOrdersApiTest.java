package dev.ordino.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.e2e.Api;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Mass orders through the REST API: every line checked first, then all placed in one go or none. */
@RunningOrdino
class MassOrdersApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private String admin;
    private long service;
    private long min;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
        service = Long.parseLong(Api.field(api.get("/v1/products?category=tiktok&q=followers", null).body(), "id"));
        min = jdbc.queryForObject("SELECT min_quantity FROM offering WHERE id = ?", Long.class, service);
    }

    private record Customer(String token, long id) {
    }

    private Customer customer(String funds) throws Exception {
        String email = "mass-" + UUID.randomUUID() + "@example.com";
        String token = api.newCustomer(email);
        long id = Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
        assertThat(api.post("/v1/admin/users/" + id + "/wallet-adjustments", admin,
                "{\"amount\":\"" + funds + "\",\"reason\":\"Test funds\"}").statusCode()).isEqualTo(201);
        return new Customer(token, id);
    }

    private HttpResponse<String> mass(Customer customer, String text, boolean dryRun, String key) throws Exception {
        return api.post("/v1/orders/mass", customer.token(),
                JSON.writeValueAsString(Map.of("text", text, "dryRun", dryRun)), key);
    }

    private BigDecimal balance(Customer customer) {
        return jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", BigDecimal.class, customer.id());
    }

    private long orders(Customer customer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", Long.class, customer.id());
    }

    @Test
    void thePreviewJudgesEveryLineAndChargesNothing() throws Exception {
        Customer customer = customer("50");
        String text = service + "|https://www.tiktok.com/@ordino|" + min + "\n"
                + "99999999|https://www.tiktok.com/@ordino|" + min + "\n"
                + "\n"
                + service + "|not a link|" + min + "\n"
                + service + "|https://www.tiktok.com/@ordino|1\n"
                + "just words\n";
        HttpResponse<String> preview = mass(customer, text, true, null);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode lines = JSON.readTree(preview.body()).get("lines");
        assertThat(lines.size()).isEqualTo(5);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("ok").asBoolean()).isTrue();
        assertThat(lines.get(0).has("error")).isFalse();
        assertThat(lines.get(1).get("code").asString()).isEqualTo("product_not_found");
        assertThat(lines.get(2).get("line").asInt()).as("blank lines keep the numbering").isEqualTo(4);
        assertThat(lines.get(2).get("code").asString()).isEqualTo("invalid_link");
        assertThat(lines.get(3).get("code").asString()).isEqualTo("quantity_out_of_range");
        assertThat(lines.get(4).get("code").asString()).isEqualTo("invalid_line");
        assertThat(JSON.readTree(preview.body()).has("orders")).isFalse();

        HttpResponse<String> placing = mass(customer, text, false, null);
        assertThat(placing.statusCode()).as("a text with a bad line places nothing").isEqualTo(200);
        assertThat(JSON.readTree(placing.body()).has("orders")).isFalse();
        assertThat(orders(customer)).isZero();
        assertThat(balance(customer)).isEqualByComparingTo("50");
    }

    @Test
    void aTotalOverTheBalanceIsRefusedBeforeAnythingIsCharged() throws Exception {
        Customer customer = customer("0.05");
        String line = service + "|https://www.tiktok.com/@ordino|" + min;
        HttpResponse<String> placing = mass(customer, line + "\n" + line + "\n" + line, false, null);
        assertThat(placing.statusCode()).isEqualTo(200);
        JsonNode lines = JSON.readTree(placing.body()).get("lines");
        boolean someOverBalance = false;
        for (JsonNode l : lines) {
            someOverBalance |= "insufficient_balance".equals(l.path("code").asString(null));
        }
        assertThat(someOverBalance).as(placing.body()).isTrue();
        assertThat(orders(customer)).isZero();
        assertThat(balance(customer)).isEqualByComparingTo("0.05");
    }

    @Test
    void allLinesArePlacedAsOneOrderAndOneDebitEachAndARepeatPlacesNothingMore() throws Exception {
        Customer customer = customer("50");
        String text = service + "|https://www.tiktok.com/@one|" + min + "\n" + service + "|https://www.tiktok.com/@two|" + (min * 2)
                + "\n" + service + "|https://www.tiktok.com/@three|" + min;
        String key = "mass-" + UUID.randomUUID();
        HttpResponse<String> placed = mass(customer, text, false, key);
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(placed.body());
        assertThat(answer.get("orders").size()).isEqualTo(3);
        BigDecimal total = new BigDecimal(answer.get("total").asString());
        assertThat(balance(customer)).isEqualByComparingTo(new BigDecimal("50").subtract(total));
        assertThat(orders(customer)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE user_id = ? AND type = 'order_payment'",
                Long.class, customer.id())).as("one debit per line").isEqualTo(3);

        HttpResponse<String> again = mass(customer, text, false, key);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("orders").get(0).get("id").asLong())
                .isEqualTo(answer.get("orders").get(0).get("id").asLong());
        assertThat(orders(customer)).isEqualTo(3);
        assertThat(balance(customer)).isEqualByComparingTo(new BigDecimal("50").subtract(total));
    }
}
