package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.ChildNode;
import dev.ordino.e2e.Api;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A shop selling one service of a fake panel, set up through the REST API of a node in a child JVM,
 * and what the tests of such nodes read back from the shared database: the paid lines and their
 * provider orders, and whether every wallet equals its ledger.
 */
public final class ShopOverApi {

    private ShopOverApi() {
    }

    /** A provider on {@code panel} with its service "7" imported and mapped: the offering's id. */
    public static long providerBackedOffering(Api api, String admin, FakeSmmPanel panel) throws Exception {
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

    /** A registered customer with 1000.00 in the wallet: its token. */
    public static String fundedCustomer(Api api, String admin, String email) throws Exception {
        HttpResponse<String> registered = api.post("/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"customer-pass\",\"name\":\"Node Test Customer\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> funded = api.post("/v1/admin/users/" + Api.field(registered.body(), "id") + "/wallet-adjustments", admin,
                "{\"amount\":\"1000.00\",\"reason\":\"Test funds\"}");
        assertThat(funded.statusCode()).as(funded.body()).isEqualTo(201);
        return api.token(email, "customer-pass");
    }

    record Line(long itemId, String link, String state) {
    }

    /** The paid lines of an offering and the state of their provider orders ({@code none} when there is none). */
    record PaidLines(List<Line> lines) {

        static PaidLines of(ChildNode.Database db, long offering) throws SQLException {
            try (Connection connection = db.connect();
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
                return new PaidLines(lines);
            }
        }

        int paid() {
            return lines.size();
        }

        Map<String, Long> states() {
            return lines.stream().collect(Collectors.groupingBy(Line::state, TreeMap::new, Collectors.counting()));
        }

        /** Every line at the provider (added once) or under attention; none queued, in flight or without a row. */
        boolean allSettled(FakeSmmPanel panel) {
            Map<String, Long> added = addsPerLink(panel);
            return lines.stream().allMatch(l -> l.state().equals("unknown") || l.state().equals("attention")
                    || l.state().equals("open") && added.getOrDefault(l.link(), 0L) == 1);
        }

        /** Lines sent (state open) must have been added exactly once, the others at most once; none waits. */
        void assertSentOnceOrUnderAttention(FakeSmmPanel panel) {
            Map<String, Long> added = addsPerLink(panel);
            assertThat(added.values()).as("no line sent twice").allMatch(n -> n == 1);
            for (Line line : lines) {
                assertThat(line.state()).as("line %d (%s)", line.itemId(), line.link()).isIn("open", "unknown", "attention");
                if (line.state().equals("open")) {
                    assertThat(added.getOrDefault(line.link(), 0L)).as("sent exactly once: line %d", line.itemId()).isEqualTo(1);
                }
            }
        }
    }

    static Map<String, Long> addsPerLink(FakeSmmPanel panel) {
        synchronized (panel.adds) {
            return panel.adds.stream().collect(Collectors.groupingBy(a -> a.get("link"), Collectors.counting()));
        }
    }

    /** Customers whose cached wallet balance differs from the sum of their ledger entries (none, if all is well). */
    static List<String> walletsOffTheirLedger(ChildNode.Database db) throws SQLException {
        try (Connection connection = db.connect();
             var statement = connection.prepareStatement("SELECT w.user_id, w.balance, COALESCE((SELECT SUM(l.amount) FROM ledger_entry l "
                     + "WHERE l.user_id = w.user_id), 0) FROM wallet w");
             ResultSet rs = statement.executeQuery()) {
            List<String> off = new ArrayList<>();
            while (rs.next()) {
                BigDecimal balance = rs.getBigDecimal(2);
                BigDecimal ledger = rs.getBigDecimal(3);
                if (balance.compareTo(ledger) != 0) {
                    off.add("user " + rs.getLong(1) + ": wallet " + balance + ", ledger " + ledger);
                }
            }
            return off;
        }
    }
}
