package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.UtcTime;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider benchmark against the local fake panel (run with {@code -Pbenchmark}, never in the
 * test command): importing 10,000 services against a raw fetch + parse + batch insert baseline
 * in the same run, and one status-sync cycle over 100,000 open provider orders. Prints figures;
 * asserts only correctness (counts), never speed.
 */
@OrdinoTest
@Tag("benchmark")
class ProviderBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(ProviderBenchmarkTest.class);
    private static final int SERVICES = 10_000;
    private static final int OPEN_ORDERS = Integer.getInteger("ordino.bench.open-orders", 100_000);

    @Autowired
    ProviderInstances instances;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderStatusSync statusSync;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate batches;
    @Autowired
    Actors actors;

    @Test
    void importAndStatusSync() throws Exception {
        StringBuilder report = new StringBuilder("Provider benchmark (local fake SMM panel, embedded MariaDB)\n");
        try (FakeSmmPanel panel = new FakeSmmPanel()) {
            for (int c = 0; c < 50; c++) {
                panel.addServices(SERVICES / 50, "Instagram Category " + c);
            }
            long providerId = actors.asAdmin(() -> instances.create(new ProviderForm("Bench panel", "provider-smm-v2",
                    Map.of("url", panel.url(), "key", FakeSmmPanel.KEY, "timeoutSeconds", "60"), new BigDecimal("50"), 10, true,
                    null, "USD", BigDecimal.ONE)).id());

            // Baseline: fetch, parse and batch-insert the same rows with nothing in between.
            batches.execute("CREATE TABLE bench_offering (id BIGINT AUTO_INCREMENT PRIMARY KEY, service_id VARCHAR(50), name VARCHAR(200), "
                    + "category VARCHAR(100), rate DECIMAL(19,6), min_quantity BIGINT, max_quantity BIGINT)");
            long baselineStart = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(panel.url()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("key=" + FakeSmmPanel.KEY + "&action=services")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<Object[]> rows = new ArrayList<>();
            for (JsonNode node : JsonMapper.builder().build().readTree(response.body())) {
                rows.add(new Object[]{node.get("service").asString(), node.get("name").asString(), node.get("category").asString(),
                        new BigDecimal(node.get("rate").asString()), node.get("min").asLong(), node.get("max").asLong()});
            }
            batches.batchUpdate("INSERT INTO bench_offering (service_id, name, category, rate, min_quantity, max_quantity) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", rows);
            double baseline = (System.nanoTime() - baselineStart) / 1e9;

            long importStart = System.nanoTime();
            List<ProviderCatalog.Imported> imported = actors.asAdmin(() -> catalog.importServices(providerId, null, true, null));
            double importSeconds = (System.nanoTime() - importStart) / 1e9;
            assertThat(imported).hasSize(SERVICES);
            report.append(String.format("import %,d services: %.2f s; raw fetch + parse + batch insert: %.2f s; ratio %.2f×%n",
                    SERVICES, importSeconds, baseline, importSeconds / baseline));

            // 100,000 open provider orders of one customer, written straight into the tables.
            AccountSummary customer = actors.customer();
            long offeringId = imported.getFirst().offeringId();
            var now = UtcTime.column(Instant.now());
            long setupStart = System.nanoTime();
            List<Object[]> orderRows = new ArrayList<>();
            for (int i = 0; i < OPEN_ORDERS; i++) {
                orderRows.add(new Object[]{customer.id(), "BENCH-" + i, now, now, now});
            }
            batches.batchUpdate("INSERT INTO customer_order (customer_id, number, status, payment_status, payment_method, total, "
                    + "paid_amount, refunded_amount, currency, handed_to_fulfilment, created_at, paid_at, updated_at, version) "
                    + "VALUES (?, ?, 'processing', 'paid', 'wallet', 1, 1, 0, 'USD', 1, ?, ?, ?, 0)", orderRows);
            List<Long> orderIds = jdbc.sql("SELECT id FROM customer_order WHERE number LIKE 'BENCH-%' ORDER BY id").query(Long.class).list();
            List<Object[]> itemRows = orderIds.stream().map(id -> new Object[]{id, offeringId}).toList();
            batches.batchUpdate("INSERT INTO order_item (order_id, position, offering_id, kind, name, quantity, link, unit_price, price_per, "
                    + "line_total, status) VALUES (?, 1, ?, 'SERVICE', 'Bench', 1000, 'https://www.instagram.com/b', 1, 1000, 1, 'processing')",
                    itemRows);
            List<Object[]> items = jdbc.sql("SELECT id, order_id FROM order_item WHERE name = 'Bench' ORDER BY id")
                    .query((rs, n) -> new Object[]{rs.getLong(1), rs.getLong(2)}).list();
            List<Object[]> providerRows = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String ref = String.valueOf(5_000_000 + i);
                panel.status(ref, "In progress", 100, 500);
                providerRows.add(new Object[]{items.get(i)[1], items.get(i)[0], providerId, imported.getFirst().serviceId(), ref, now, now});
            }
            batches.batchUpdate("INSERT INTO provider_order (id, order_id, item_id, single_item, instance_id, service_id, state, attempts, "
                    + "provider_ref, provider_status, created_at, updated_at) VALUES (NEXT VALUE FOR provider_order_seq, ?, ?, 1, ?, ?, "
                    + "'open', 1, ?, 'Pending', ?, ?)", providerRows);
            report.append(String.format("setup of %,d open provider orders (orders, items, provider rows, batched): %.1f s%n",
                    OPEN_ORDERS, (System.nanoTime() - setupStart) / 1e9));

            int callsBefore = panel.count("status");
            long syncStart = System.nanoTime();
            ProviderStatusSync.Result result = statusSync.syncAll();
            double syncSeconds = (System.nanoTime() - syncStart) / 1e9;
            int calls = panel.count("status") - callsBefore;
            assertThat(result.checked()).isEqualTo(OPEN_ORDERS);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE number LIKE 'BENCH-%' AND status = 'in_progress'")
                    .query(Long.class).single()).isEqualTo(OPEN_ORDERS);
            report.append(String.format("status sync over %,d open orders (all moving to in progress): %,d calls made by the sync, "
                    + "%,d status requests seen by the panel, %.1f s, %,d updated (goals: <= 1,000 calls, <= 60 s)%n", OPEN_ORDERS,
                    result.calls(), calls, syncSeconds, result.updated()));

            long quietStart = System.nanoTime();
            ProviderStatusSync.Result quiet = statusSync.syncAll();
            report.append(String.format("second cycle with nothing changed: %,d checked, %.1f s%n", quiet.checked(),
                    (System.nanoTime() - quietStart) / 1e9));

            // The every-minute tick between full cycles: none of these orders was sent in the last hour.
            long recentStart = System.nanoTime();
            ProviderStatusSync.Result recent = statusSync.syncSentSince(Instant.now().minus(ProviderJobs.RECENT));
            report.append(String.format("tick for orders sent in the last hour (none of the %,d): %,d checked, %.2f s%n", OPEN_ORDERS,
                    recent.checked(), (System.nanoTime() - recentStart) / 1e9));
        }
        log.info("\n{}", report);
        Path out = Path.of("target", "provider-benchmark.txt");
        Files.writeString(out, report.toString());
    }
}
