package dev.ordino.plugins.smmv2;

import static dev.ordino.plugins.smmv2.FakePanel.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderRequest;
import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderOrderStatus.State;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.plugin.api.SettingDescriptor;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the provider sends to a panel and how it reads the answers. */
class SmmPanelProviderTest {

    static final String KEY = "k3y-5ecret-0123456789";

    private final SmmPanelProvider provider = new SmmPanelProvider();
    private FakePanel panel;
    private TestHost host;

    @BeforeEach
    void start() throws Exception {
        panel = new FakePanel();
        host = new TestHost(Map.of("url", panel.url(), "key", KEY));
    }

    @AfterEach
    void stop() {
        host.close();
        panel.close();
    }

    @Test
    void describes_itself_and_its_settings() {
        assertEquals("smm-v2", provider.key());
        assertEquals("SMM panel (API v2)", provider.displayName());
        Map<String, SettingDescriptor> settings = provider.settings().stream()
                .collect(Collectors.toMap(SettingDescriptor::key, s -> s));
        assertEquals(SettingDescriptor.SettingType.URL, settings.get("url").type());
        assertTrue(settings.get("url").required());
        assertTrue(settings.get("key").secret());
        assertTrue(settings.get("key").required());
        assertEquals(SettingDescriptor.SettingType.NUMBER, settings.get("timeoutSeconds").type());
        assertEquals("30", settings.get("timeoutSeconds").defaultValue());
    }

    @Test
    void reads_hundreds_of_services_with_numbers_as_strings_or_numbers() throws Exception {
        String many = IntStream.rangeClosed(1, 300)
                .mapToObj(i -> i % 2 == 0
                        ? "{\"service\":" + i + ",\"name\":\"Followers " + i + "\",\"type\":\"Default\","
                                + "\"category\":\"Instagram\",\"rate\":0.9,\"min\":\"10\",\"max\":5000,"
                                + "\"refill\":true,\"cancel\":0}"
                        : "{\"service\":\"" + i + "\",\"name\":\"Likes " + i + "\",\"type\":\"Custom Comments\","
                                + "\"category\":\"TikTok\",\"rate\":\"0.90\",\"min\":10,\"max\":\"5000\","
                                + "\"refill\":\"0\",\"cancel\":\"1\",\"dripfeed\":1}")
                .collect(Collectors.joining(",", "[", ",{\"service\":999,\"name\":\"no rate\"}]"));
        panel.answer(request -> json(many));

        List<ProviderService> services = provider.services(host);

        assertEquals(300, services.size(), "the entry without a rate is left out");
        ProviderService odd = services.get(0);
        assertEquals("1", odd.id());
        assertEquals("Likes 1", odd.name());
        assertEquals("TikTok", odd.category());
        assertEquals("Custom Comments", odd.type());
        assertEquals(new BigDecimal("0.90"), odd.rate());
        assertEquals(10, odd.min());
        assertEquals(5000, odd.max());
        assertFalse(odd.refill());
        assertTrue(odd.cancel());
        assertTrue(odd.dripfeed());
        ProviderService even = services.get(1);
        assertEquals("2", even.id());
        assertEquals(0, new BigDecimal("0.9").compareTo(even.rate()));
        assertEquals(10, even.min());
        assertTrue(even.refill());
        assertFalse(even.cancel());
        assertFalse(even.dripfeed());
        assertEquals(Map.of("key", KEY, "action", "services"), panel.received().getFirst().form());
    }

    @Test
    void an_order_sends_exactly_the_fields_the_panel_needs() throws Exception {
        panel.answer(request -> json("{\"order\":23501}"));
        var request = new ProviderOrderRequest("12", "https://instagram.com/p/abc?x=1&y=2", 1000, "item-7",
                Map.of("runs", "5", "interval", "30", "comments", "Nice shot!\nLove it 🔥\n100% real",
                        "hashtag", " ", "ignored", "not an API field"));

        assertEquals("23501", provider.placeOrder(host, request).ref());

        FakePanel.Received received = panel.received().getFirst();
        assertEquals(List.of("key", "action", "service", "link", "quantity", "runs", "interval", "comments"),
                List.copyOf(received.form().keySet()));
        assertEquals(KEY, received.form().get("key"));
        assertEquals("add", received.action());
        assertEquals("12", received.form().get("service"));
        assertEquals("https://instagram.com/p/abc?x=1&y=2", received.form().get("link"));
        assertEquals("1000", received.form().get("quantity"));
        assertEquals("5", received.form().get("runs"));
        assertEquals("30", received.form().get("interval"));
        assertEquals("Nice shot!\nLove it 🔥\n100% real", received.form().get("comments"));
        assertTrue(received.body().contains("comments=Nice+shot%21%0ALove+it+%F0%9F%94%A5%0A100%25+real"),
                received.body());
    }

    @Test
    void an_order_without_link_or_quantity_sends_neither() throws Exception {
        panel.answer(request -> json("{\"order\":\"777\"}"));

        var request = new ProviderOrderRequest("40", null, 0, "item-8", Map.of("comments", "a\nb"));
        assertEquals("777", provider.placeOrder(host, request).ref());

        assertEquals(List.of("key", "action", "service", "comments"),
                List.copyOf(panel.received().getFirst().form().keySet()));
    }

    @Test
    void statuses_read_every_item_and_keep_per_order_errors() throws Exception {
        panel.answer(request -> json("""
                {"1":{"charge":"0.27819","start_count":"3572","status":"Partial","remains":"157","currency":"USD"},
                 "2":{"charge":1.5,"start_count":0,"status":"In progress","remains":100},
                 "10":{"error":"Incorrect order ID"}}"""));

        Map<String, ProviderOrderStatus> statuses = provider.statuses(host, List.of("1", "2", "10", "11"));

        assertEquals("1,2,10,11", panel.received().getFirst().form().get("orders"));
        assertEquals("status", panel.received().getFirst().action());
        assertEquals(new ProviderOrderStatus(State.PARTIAL, 3572L, 157L, new BigDecimal("0.27819"), null),
                statuses.get("1"));
        ProviderOrderStatus second = statuses.get("2");
        assertEquals(State.IN_PROGRESS, second.state());
        assertEquals(0, new BigDecimal("1.5").compareTo(second.charge()));
        assertEquals(0L, second.startCount());
        assertEquals(100L, second.remains());
        assertEquals(new ProviderOrderStatus(State.UNKNOWN, null, null, null, "Incorrect order ID"),
                statuses.get("10"));
        assertEquals(State.UNKNOWN, statuses.get("11").state(), "a ref missing from the answer");
        assertTrue(statuses.get("11").error() != null);
    }

    @Test
    void statuses_for_more_than_a_hundred_orders_are_asked_in_batches() throws Exception {
        panel.answer(request -> json(Arrays.stream(request.form().get("orders").split(","))
                .map(ref -> "\"" + ref + "\":{\"status\":\"Completed\",\"remains\":\"0\"}")
                .collect(Collectors.joining(",", "{", "}"))));
        List<String> refs = IntStream.rangeClosed(1, 250).mapToObj(Integer::toString).toList();

        Map<String, ProviderOrderStatus> statuses = provider.statuses(host, refs);

        assertEquals(List.of(100, 100, 50), panel.received().stream()
                .map(r -> r.form().get("orders").split(",").length).toList());
        assertEquals(250, statuses.size());
        assertTrue(statuses.values().stream().allMatch(s -> s.state() == State.COMPLETED && s.error() == null));
    }

    @Test
    void one_order_still_uses_the_multi_status_form() throws Exception {
        panel.answer(request -> json("{\"5\":{\"status\":\"Pending\"}}"));

        assertEquals(State.PENDING, provider.statuses(host, List.of("5")).get("5").state());
        assertEquals(Map.of("key", KEY, "action", "status", "orders", "5"), panel.received().getFirst().form());
    }

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Pending      | PENDING
            In progress  | IN_PROGRESS
            In Progress  | IN_PROGRESS
            in_progress  | IN_PROGRESS
            Inprogress   | IN_PROGRESS
            Processing   | PROCESSING
            Completed    | COMPLETED
            ' completed '| COMPLETED
            Partial      | PARTIAL
            Canceled     | CANCELED
            Cancelled    | CANCELED
            """)
    void panel_status_words_map_to_states(String word, State state) {
        ProviderOrderStatus status = PanelStatuses.read(Map.of("status", word));
        assertEquals(state, status.state());
        assertNull(status.error());
    }

    @ParameterizedTest
    @CsvSource({"Fail", "Failed", "error"})
    void a_failed_order_is_unknown_with_the_reason_for_staff(String word) {
        ProviderOrderStatus status = PanelStatuses.read(Map.of("status", word));
        assertEquals(State.UNKNOWN, status.state());
        assertEquals("Provider reports " + word, status.error());
    }

    @Test
    void an_unknown_status_word_is_unknown_and_says_so() {
        ProviderOrderStatus status = PanelStatuses.read(Map.of("status", "Awaiting moderation"));
        assertEquals(State.UNKNOWN, status.state());
        assertEquals("Unknown status from provider: Awaiting moderation", status.error());
    }

    @Test
    void refill_answers_the_refill_id_as_string_or_number() throws Exception {
        panel.answer(request -> json("{\"refill\":\"1\"}"));
        assertEquals("1", provider.refill(host, "23501"));
        assertEquals(Map.of("key", KEY, "action", "refill", "order", "23501"), panel.received().getFirst().form());

        panel.answer(request -> json("{\"refill\":77}"));
        assertEquals("77", provider.refill(host, "23502"));
    }

    @Test
    void a_refused_refill_is_rejected_with_the_panels_reason() {
        panel.answer(request -> json("{\"refill\":{\"error\":\"Refill is not available\"}}"));
        var e = assertThrows(ProviderException.Rejected.class, () -> provider.refill(host, "1"));
        assertEquals("Refill is not available", e.getMessage());
    }

    @Test
    void refill_status_is_the_panels_word() throws Exception {
        panel.answer(request -> json("{\"status\":\"Completed\"}"));
        assertEquals("Completed", provider.refillStatus(host, "1"));
        assertEquals(Map.of("key", KEY, "action", "refill_status", "refill", "1"),
                panel.received().getFirst().form());
    }

    @Test
    void cancel_answers_per_order_and_counts_errors_as_refused() throws Exception {
        panel.answer(request -> json("""
                [{"order":2,"cancel":1},{"order":"3","cancel":"1"},{"order":9,"cancel":{"error":"Incorrect order ID"}},
                 {"order":4,"cancel":0}]"""));

        Map<String, Boolean> result = provider.cancel(host, List.of("2", "3", "9", "4", "5"));

        assertEquals(Map.of("2", true, "3", true, "9", false, "4", false, "5", false), result);
        assertEquals("2,3,9,4,5", panel.received().getFirst().form().get("orders"));
        assertEquals("cancel", panel.received().getFirst().action());
    }

    @Test
    void cancel_for_many_orders_is_asked_in_batches() throws Exception {
        panel.answer(request -> json(Arrays.stream(request.form().get("orders").split(","))
                .map(ref -> "{\"order\":" + ref + ",\"cancel\":1}")
                .collect(Collectors.joining(",", "[", "]"))));

        Map<String, Boolean> result = provider.cancel(host,
                IntStream.rangeClosed(1, 150).mapToObj(Integer::toString).toList());

        assertEquals(2, panel.received().size());
        assertEquals(150, result.size());
        assertTrue(result.values().stream().allMatch(Boolean::booleanValue));
    }

    @Test
    void a_cancel_refused_as_a_whole_is_rejected() {
        panel.answer(request -> json("{\"error\":\"Cancel is disabled\"}"));
        var e = assertThrows(ProviderException.Rejected.class, () -> provider.cancel(host, List.of("1")));
        assertEquals("Cancel is disabled", e.getMessage());
    }

    @Test
    void balance_keeps_the_exact_amount() throws Exception {
        panel.answer(request -> json("{\"balance\":\"100.84\",\"currency\":\"USD\"}"));
        var balance = provider.balance(host);
        assertEquals(new BigDecimal("100.84"), balance.amount());
        assertEquals("USD", balance.currency());

        panel.answer(request -> json("{\"balance\":100.84,\"currency\":\"EUR\"}"));
        assertEquals(new BigDecimal("100.84"), provider.balance(host).amount());
    }

    @Test
    void nothing_is_asked_for_no_refs() throws Exception {
        assertTrue(provider.statuses(host, List.of()).isEmpty());
        assertTrue(provider.cancel(host, List.of()).isEmpty());
        assertTrue(panel.received().isEmpty());
    }

    @Test
    void a_url_that_is_not_http_or_a_timeout_out_of_range_is_a_problem_when_saved() {
        assertEquals(Map.of(), provider.validateSettings(Map.of("url", "https://panel.example/api/v2", "key", "k", "timeoutSeconds", "30")));
        assertEquals(java.util.Set.of("url"), provider.validateSettings(Map.of("url", "ftp://panel.example/api/v2", "key", "k")).keySet());
        assertEquals(java.util.Set.of("url"), provider.validateSettings(Map.of("key", "k")).keySet());
        assertEquals(java.util.Set.of("timeoutSeconds"),
                provider.validateSettings(Map.of("url", "http://127.0.0.1:1/api/v2", "timeoutSeconds", "0")).keySet());
        assertEquals(java.util.Set.of("timeoutSeconds"),
                provider.validateSettings(Map.of("url", "http://127.0.0.1:1/api/v2", "timeoutSeconds", "601")).keySet());
    }

    @Test
    void a_real_panel_is_not_simulated() {
        assertFalse(provider.simulated());
    }
}
