package dev.ordino.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.Figures;
import dev.ordino.RunningOrdino;
import dev.ordino.account.AccountSummary;
import dev.ordino.e2e.Api;
import dev.ordino.fulfilment.FakeSmmPanel;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.reseller.ApiKeys;
import dev.ordino.security.ApiTokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The panel API's hot path: {@code add}, {@code status} (100 orders a call) and {@code services} (over 5,000
 * services) per second, beside a
 * bare authenticated GET in the same run, with the load made by a separate process
 * ({@link LoadClient}) so the generator does not share this JVM's cores' bookkeeping. Not part of the
 * test command: {@code ./mvnw -B -pl platform/app -am verify -Pbenchmark -Dtest=PanelApiBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints figures (also to {@code target/panel-benchmark.txt});
 * asserts only that the calls succeeded and the money adds up.
 */
@RunningOrdino
@Tag("benchmark")
@TestPropertySource(properties = {"ordino.reseller.calls-per-key-per-minute=100000000",
        "ordino.reseller.calls-per-address-per-minute=100000000"})
class PanelApiBenchmarkTest {

    static final int CUSTOMERS = 50;
    static final int CLIENTS = 16;
    static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final Pattern LINE = Pattern.compile("ok=(\\d+) failed=(\\d+) seconds=([0-9.]+) p50=([0-9.]+) p99=([0-9.]+)");

    @LocalServerPort
    int port;
    @Autowired
    Actors actors;
    @Autowired
    ApiKeys keys;
    @Autowired
    OrderService orders;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;

    record Run(String name, long ok, long failed, double seconds, double p50, double p99) {
        double perSecond() {
            return ok / seconds;
        }

        String line() {
            return String.format("%-40s %8d %7d %9.0f %8.1f %8.1f", name, ok, failed, perSecond(), p50, p99);
        }
    }

    @Test
    void addAndStatusCallsPerSecondBesideABareAuthenticatedGet() throws Exception {
        long service = jdbc.queryForObject("SELECT id FROM offering WHERE name = 'TikTok Followers'", Long.class);
        String url = "http://127.0.0.1:" + port;
        List<String> gets = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<AccountSummary> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            AccountSummary customer = actors.customerWith("100000");
            customers.add(customer);
            String key = actors.as(customer, () -> keys.create(customer.id(), "bench", List.of())).key();
            List<Long> placed = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                placed.add(actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                        new PlaceOrder.Line(service, 100L, "https://www.tiktok.com/@bench" + customer.id(), null)), "wallet"), null))
                        .order().id());
            }
            gets.add("GET " + url + "/v1/wallet Authorization: Bearer "
                    + tokens.issue(customer.id(), customer.email(), Set.of("CUSTOMER"), customer.securityVersion()));
            statuses.add("POST " + url + "/api/v2 key=" + key + "&action=status&orders="
                    + placed.stream().map(String::valueOf).collect(Collectors.joining("%2C")));
            adds.add("POST " + url + "/api/v2 key=" + key + "&action=add&service=" + service
                    + "&link=https%3A%2F%2Fwww.tiktok.com%2F%40bench&quantity=100");
        }

        // 5,000 more services, imported from a fake panel, for the services list.
        int listed;
        try (FakeSmmPanel panel = new FakeSmmPanel()) {
            panel.addServices(5000, "Bench category");
            Api api = new Api(port);
            String admin = api.token(Actors.ADMIN_EMAIL, Actors.ADMIN_PASSWORD);
            HttpResponse<String> provider = api.post("/v1/admin/providers", admin, """
                    {"name":"Bench panel","plugin":"provider-smm-v2","settings":{"url":"%s","key":"%s"},
                     "markupPercent":50,"priority":5,"currency":"USD","conversionRate":1}""".formatted(panel.url(), FakeSmmPanel.KEY));
            assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
            HttpResponse<String> imported = api.post("/v1/admin/providers/" + Api.field(provider.body(), "id") + "/import", admin,
                    "{\"all\":true}");
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
            listed = jdbc.queryForObject("SELECT COUNT(*) FROM offering o JOIN category c ON c.id = o.category_id "
                    + "WHERE o.kind = 'SERVICE' AND o.active = 1 AND c.active = 1", Integer.class);
        }
        List<String> services = adds.stream().map(add -> add.substring(0, add.indexOf("&action=")) + "&action=services").toList();

        load("warm-up", gets, 5);
        load("warm-up", statuses, 5);
        List<Run> runs = List.of(
                load("bare authenticated GET /v1/wallet", gets, SECONDS),
                load("status, 100 orders a call", statuses, SECONDS),
                load("add (one order a call)", adds, SECONDS),
                load("services (" + listed + " services a call)", services, SECONDS));

        StringBuilder report = new StringBuilder(String.format("Panel API, %d clients in a separate process, %d s each%n", CLIENTS, SECONDS));
        report.append(String.format("%-40s %8s %7s %9s %8s %8s%n", "", "ok", "failed", "calls/s", "p50 ms", "p99 ms"));
        runs.forEach(r -> report.append(r.line()).append('\n'));
        report.append(String.format("status / bare GET: %.2f   add / bare GET: %.2f   services / bare GET: %.3f%n",
                runs.get(1).perSecond() / runs.get(0).perSecond(), runs.get(2).perSecond() / runs.get(0).perSecond(),
                runs.get(3).perSecond() / runs.get(0).perSecond()));
        Figures.report("%s", report);
        Files.writeString(Path.of("target", "panel-benchmark.txt"), report, StandardCharsets.UTF_8);

        for (Run run : runs) {
            assertThat(run.failed()).as(run.name()).isZero();
        }
        for (AccountSummary customer : customers) {
            assertThat(jdbc.queryForObject("SELECT balance FROM wallet WHERE user_id = ?", BigDecimal.class, customer.id()))
                    .as("the wallet equals its ledger").isEqualByComparingTo(jdbc.queryForObject(
                            "SELECT SUM(amount) FROM ledger_entry WHERE user_id = ?", BigDecimal.class, customer.id()));
        }
    }

    private static Run load(String name, List<String> requests, int seconds) throws IOException, InterruptedException {
        Path file = Files.createTempFile(Path.of("target"), "load-", ".txt");
        Files.write(file, requests);
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", Path.of("target", "test-classes").toString(), LoadClient.class.getName(), file.toString(),
                    Integer.toString(CLIENTS), Integer.toString(seconds)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
            Matcher m = LINE.matcher(output);
            assertThat(m.find()).as(output).isTrue();
            return new Run(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
