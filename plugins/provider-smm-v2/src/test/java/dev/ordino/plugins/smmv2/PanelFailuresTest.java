package dev.ordino.plugins.smmv2;

import static dev.ordino.plugins.smmv2.FakePanel.json;
import static dev.ordino.plugins.smmv2.FakePanel.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** How failures are reported, so that the host never submits an order twice. */
class PanelFailuresTest {

    static final String KEY = SmmPanelProviderTest.KEY;
    static final ProviderOrderRequest ORDER = new ProviderOrderRequest("1", "https://x.example/p", 100, "item-1");

    private final SmmPanelProvider provider = new SmmPanelProvider();
    private final List<TestHost> hosts = new ArrayList<>();
    private FakePanel panel;

    @BeforeEach
    void start() throws Exception {
        panel = new FakePanel();
    }

    @AfterEach
    void stop() {
        hosts.forEach(TestHost::close);
        panel.close();
    }

    private TestHost host(String url, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("url", url, "key", KEY));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        TestHost host = new TestHost(settings);
        hosts.add(host);
        return host;
    }

    private TestHost host() {
        return host(panel.url());
    }

    @Test
    void an_error_answered_with_http_200_is_rejected_with_the_panels_text() {
        panel.answer(request -> json("{\"error\":\"Not enough funds on balance\"}"));

        var e = assertThrows(ProviderException.Rejected.class, () -> provider.placeOrder(host(), ORDER));
        assertEquals("Not enough funds on balance", e.getMessage());
        assertThrows(ProviderException.Rejected.class, () -> provider.balance(host()));
    }

    @Test
    void a_server_error_means_nothing_was_accepted() {
        panel.answer(request -> status(500, "<html>Internal Server Error</html>"));

        var e = assertThrows(ProviderException.Unreachable.class, () -> provider.placeOrder(host(), ORDER));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
    }

    @Test
    void too_many_requests_is_unreachable_and_other_client_errors_are_rejected() {
        panel.answer(request -> status(429, ""));
        assertThrows(ProviderException.Unreachable.class, () -> provider.placeOrder(host(), ORDER));

        panel.answer(request -> status(403, "{\"error\":\"Invalid API key\"}"));
        var e = assertThrows(ProviderException.Rejected.class, () -> provider.placeOrder(host(), ORDER));
        assertTrue(e.getMessage().contains("403") && e.getMessage().contains("Invalid API key"), e.getMessage());
    }

    @Test
    void a_gateway_timeout_on_an_order_leaves_the_outcome_unknown() {
        panel.answer(request -> status(504, "Gateway Timeout"));
        assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.placeOrder(host(), ORDER));
        assertThrows(ProviderException.Unreachable.class, () -> provider.balance(host()));
    }

    @Test
    void a_refused_connection_is_unreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestHost host = host("http://127.0.0.1:" + closedPort + "/api/v2");

        var e = assertThrows(ProviderException.Unreachable.class, () -> provider.placeOrder(host, ORDER));
        assertTrue(e.getMessage().startsWith("Provider not reachable"), e.getMessage());
        assertThrows(ProviderException.Unreachable.class, () -> provider.statuses(host, List.of("1")));
    }

    @Test
    void a_stopped_panel_is_unreachable() {
        TestHost host = host();
        panel.close();
        assertThrows(ProviderException.Unreachable.class, () -> provider.placeOrder(host, ORDER));
    }

    @Test
    void an_order_without_an_answer_in_time_may_have_been_placed() {
        panel.answer(request -> new FakePanel.Reply.Hang());
        TestHost host = host(panel.url(), "timeoutSeconds", "1");

        var e = assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.placeOrder(host, ORDER));
        assertTrue(e.getMessage().contains("may or may not have been placed"), e.getMessage());
        assertEquals(1, panel.received().size(), "the order was sent once and not repeated");
    }

    @Test
    void a_read_without_an_answer_in_time_is_safe_to_retry() {
        panel.answer(request -> new FakePanel.Reply.Hang());
        TestHost host = host(panel.url(), "timeoutSeconds", "1");

        assertThrows(ProviderException.Unreachable.class, () -> provider.statuses(host, List.of("1")));
        assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.cancel(host, List.of("1")));
        assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.refill(host, "1"));
    }

    @Test
    void a_connection_dropped_after_sending_an_order_leaves_the_outcome_unknown() {
        panel.answer(request -> new FakePanel.Reply.Drop());

        assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.placeOrder(host(), ORDER));
        assertThrows(ProviderException.Unreachable.class, () -> provider.services(host()));
    }

    @Test
    void an_order_on_a_kept_alive_connection_the_panel_drops_is_sent_once() throws Exception {
        TestHost host = host();
        panel.answer(request -> "balance".equals(request.action()) ? json("{\"balance\":\"1\",\"currency\":\"USD\"}")
                : new FakePanel.Reply.Drop());
        provider.balance(host); // leaves the connection in the client's pool, where a GET would be resent

        assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.placeOrder(host, ORDER));
        assertEquals(1, panel.received().stream().filter(r -> "add".equals(r.action())).count(), "never resent");
    }

    @Test
    void with_the_jvm_told_to_resend_every_request_no_order_is_sent() {
        panel.answer(request -> json("{\"order\":1}"));
        System.setProperty(PanelClient.RESEND_EVERYTHING, "true");
        try {
            var e = assertThrows(ProviderException.Unreachable.class, () -> provider.placeOrder(host(), ORDER));
            assertTrue(e.getMessage().contains(PanelClient.RESEND_EVERYTHING), e.getMessage());
            assertThrows(ProviderException.Unreachable.class, () -> provider.refill(host(), "1"));
        } finally {
            System.clearProperty(PanelClient.RESEND_EVERYTHING);
        }
        assertTrue(panel.received().isEmpty());
    }

    @Test
    void an_unreadable_answer_to_an_order_leaves_the_outcome_unknown() {
        panel.answer(request -> json("<html>Checking your browser...</html>"));
        assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.placeOrder(host(), ORDER));

        panel.answer(request -> json("{\"status\":\"ok\"}"));
        var e = assertThrows(ProviderException.OutcomeUnknown.class, () -> provider.placeOrder(host(), ORDER));
        assertTrue(e.getMessage().startsWith("Unexpected answer from provider: {\"status\":\"ok\"}"), e.getMessage());
    }

    @Test
    void an_unreadable_answer_to_anything_else_is_rejected_with_a_short_excerpt() {
        panel.answer(request -> json("<html>" + "x".repeat(5000) + "</html>"));

        var e = assertThrows(ProviderException.Rejected.class, () -> provider.balance(host()));
        assertTrue(e.getMessage().startsWith("Unexpected answer from provider: <html>xxx"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, "excerpt is cut");
        assertThrows(ProviderException.Rejected.class, () -> provider.services(host()));
        assertThrows(ProviderException.Rejected.class, () -> provider.statuses(host(), List.of("1")));
    }

    @Test
    void missing_settings_are_rejected_before_anything_is_sent() {
        TestHost noKey = new TestHost(Map.of("url", panel.url()));
        TestHost badUrl = new TestHost(Map.of("url", "ftp://panel.example", "key", KEY));
        hosts.add(noKey);
        hosts.add(badUrl);

        assertThrows(ProviderException.Rejected.class, () -> provider.placeOrder(noKey, ORDER));
        assertThrows(ProviderException.Rejected.class, () -> provider.balance(badUrl));
        assertTrue(panel.received().isEmpty());
    }

    @Test
    void the_api_key_never_appears_in_messages_or_log_lines() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TestHost host = host(panel.url(), "timeoutSeconds", "1");
        TestHost closed = host("http://127.0.0.1:" + closedPort + "/api/v2");
        List<Executable> failures = List.of(
                () -> provider.placeOrder(host, ORDER),
                () -> provider.balance(host),
                () -> provider.statuses(host, List.of("1")),
                () -> provider.placeOrder(closed, ORDER));
        List<FakePanel.Reply> replies = List.of(
                json("{\"error\":\"Invalid key " + KEY + "\"}"),
                json("not json, echoing key=" + KEY),
                status(401, "{\"error\":\"bad key " + KEY + "\"}"),
                status(502, "key=" + KEY),
                new FakePanel.Reply.Hang());

        for (FakePanel.Reply reply : replies) {
            panel.answer(request -> reply);
            for (Executable failure : failures) {
                ProviderException e = assertThrows(ProviderException.class, failure);
                for (Throwable t = e; t != null; t = t.getCause()) {
                    assertFalse(String.valueOf(t.getMessage()).contains(KEY), t.getMessage());
                }
            }
        }
        panel.answer(request -> json("{\"balance\":\"1.00\",\"currency\":\"USD\"}"));
        provider.balance(host);
        assertFalse(host.logLines().isEmpty());
        assertTrue(host.logLines().stream().noneMatch(line -> line.contains(KEY) || line.contains("balance\"")),
                host.logLines().toString());
    }
}
