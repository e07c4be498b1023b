package dev.ordino.plugins.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ordino.plugin.api.ProviderException;
import dev.ordino.plugin.api.ProviderOrderRequest;
import dev.ordino.plugin.api.ProviderOrderStatus;
import dev.ordino.plugin.api.ProviderOrderStatus.State;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.plugins.demo.TestHost.MovingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo provider: a believable catalog and orders that move on their own, with nothing stored. */
class DemoProviderTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final TestHost host = new TestHost(Map.of(), clock);
    private final DemoProvider provider = new DemoProvider();

    private String place(String serviceId, long quantity, String idempotencyKey) throws ProviderException {
        return provider.placeOrder(host,
                new ProviderOrderRequest(serviceId, "https://instagram.com/demo", quantity, idempotencyKey)).ref();
    }

    /** Orders placed now with the given outcome, found by trying idempotency keys in turn. */
    private String placeEnding(boolean partial) throws ProviderException {
        for (int i = 0; i < 500; i++) {
            String ref = place("101", 1000, "item-" + i);
            if (DemoOrder.parse(ref).orElseThrow().partial() == partial) {
                return ref;
            }
        }
        throw new AssertionError("no order with partial=" + partial + " in 500 tries");
    }

    private ProviderOrderStatus status(String ref) {
        return provider.statuses(host, List.of(ref)).get(ref);
    }

    @Test
    void describes_itself() {
        assertEquals("demo", provider.key());
        assertEquals("Demo provider (simulated)", provider.displayName());
        assertEquals("speed", provider.settings().getFirst().key());
        assertEquals("1", provider.settings().getFirst().defaultValue());
        assertFalse(provider.settings().getFirst().required());
    }

    @Test
    void the_catalog_is_realistic_and_stable() {
        List<ProviderService> services = provider.services(host);

        assertTrue(services.size() >= 40 && services.size() <= 60, "size " + services.size());
        assertEquals(services.size(), services.stream().map(ProviderService::id).distinct().count());
        Set<String> platforms = services.stream().map(s -> s.category().split(" ")[0]).collect(Collectors.toSet());
        assertEquals(Set.of("Instagram", "TikTok", "YouTube", "Facebook", "X", "Telegram", "Spotify"), platforms);
        for (ProviderService s : services) {
            assertTrue(s.rate().compareTo(new BigDecimal("0.05")) >= 0 && s.rate().compareTo(new BigDecimal("15")) <= 0,
                    s.id());
            assertTrue(s.min() > 0 && s.min() < s.max(), s.id());
        }
        assertTrue(services.stream().anyMatch(s -> s.type().equals("Custom Comments")));
        assertTrue(services.stream().anyMatch(ProviderService::dripfeed));
        assertTrue(services.stream().anyMatch(ProviderService::refill));
        assertTrue(services.stream().anyMatch(ProviderService::cancel));
        assertEquals("101", services.getFirst().id());
    }

    @Test
    void an_order_moves_from_pending_through_in_progress_to_completed() throws Exception {
        String ref = placeEnding(false);

        ProviderOrderStatus pending = status(ref);
        assertEquals(State.PENDING, pending.state());
        assertEquals(1000L, pending.remains());
        assertEquals(new BigDecimal("3.20000"), pending.charge(), "rate 3.20 per 1000");

        clock.advance(Duration.ofSeconds(30));
        ProviderOrderStatus early = status(ref);
        assertEquals(State.IN_PROGRESS, early.state());
        assertNotNull(early.startCount());
        clock.advance(Duration.ofSeconds(60));
        ProviderOrderStatus later = status(ref);
        assertEquals(State.IN_PROGRESS, later.state());
        assertTrue(later.remains() < early.remains() && early.remains() < 1000, early + " then " + later);
        assertEquals(early.startCount(), later.startCount());

        clock.advance(Duration.ofMinutes(3));
        ProviderOrderStatus done = status(ref);
        assertEquals(State.COMPLETED, done.state());
        assertEquals(0L, done.remains());
        assertNull(done.error());
    }

    @Test
    void about_one_order_in_eight_ends_partial_with_units_left() throws Exception {
        long partial = IntStream.range(0, 800)
                .filter(i -> DemoOrder.parse(DemoOrder.ref(clock.instant(), "101", 1000, i)).orElseThrow().partial())
                .count();
        assertTrue(partial > 60 && partial < 140, "partial " + partial + " of 800");

        String ref = placeEnding(true);
        clock.advance(Duration.ofMinutes(5));
        ProviderOrderStatus status = status(ref);
        assertEquals(State.PARTIAL, status.state());
        assertTrue(status.remains() > 0 && status.remains() <= 500, "remains " + status.remains());
        assertTrue(status.charge().compareTo(new BigDecimal("3.2")) < 0, "charged for what was delivered");
    }

    @Test
    void every_order_is_done_within_four_minutes() throws Exception {
        List<String> refs = List.of(place("104", 100, "a"), place("121", 10_000_000, "b"), place("113", 50, "c"));
        clock.advance(Duration.ofMinutes(4));
        for (ProviderOrderStatus status : provider.statuses(host, refs).values()) {
            assertTrue(status.state() == State.COMPLETED || status.state() == State.PARTIAL, status.toString());
        }
    }

    @Test
    void status_needs_nothing_but_the_ref() throws Exception {
        String ref = place("201", 500, "item-1");
        clock.advance(Duration.ofSeconds(90));
        ProviderOrderStatus seen = status(ref);

        ProviderOrderStatus again = new DemoProvider().statuses(new TestHost(Map.of(), clock), List.of(ref)).get(ref);

        assertEquals(seen, again);
    }

    @Test
    void the_speed_setting_makes_time_run_faster() throws Exception {
        TestHost fast = new TestHost(Map.of("speed", "60"), clock);
        String ref = place("101", 1000, "item-1");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(State.IN_PROGRESS, provider.statuses(fast, List.of(ref)).get(ref).state());
        assertEquals(State.PENDING, status(ref).state(), "at normal speed it is still pending");
        clock.advance(Duration.ofSeconds(3));
        State state = provider.statuses(fast, List.of(ref)).get(ref).state();
        assertTrue(state == State.COMPLETED || state == State.PARTIAL, state.toString());
    }

    @Test
    void a_bad_speed_setting_means_real_time() throws Exception {
        String ref = place("101", 1000, "item-1");
        clock.advance(Duration.ofSeconds(5));
        for (String speed : List.of("fast", "0", "-3", "NaN")) {
            TestHost odd = new TestHost(Map.of("speed", speed), clock);
            assertEquals(State.PENDING, provider.statuses(odd, List.of(ref)).get(ref).state(), speed);
        }
    }

    @Test
    void unknown_or_tampered_refs_are_incorrect_order_ids() throws Exception {
        String ref = place("101", 1000, "item-1");
        String tampered = ref.replace("-1000-", "-9000-");

        Map<String, ProviderOrderStatus> statuses =
                provider.statuses(host, List.of("12345", "garbage", tampered, ref));

        for (String bad : List.of("12345", "garbage", tampered)) {
            assertEquals(new ProviderOrderStatus(State.UNKNOWN, null, null, null, "Incorrect order ID"),
                    statuses.get(bad), bad);
        }
        assertEquals(State.PENDING, statuses.get(ref).state());
    }

    @Test
    void orders_are_validated_like_a_panel_would() {
        var unknown = assertThrows(ProviderException.Rejected.class, () -> place("999", 1000, "x"));
        assertTrue(unknown.getMessage().startsWith("Unknown service"), unknown.getMessage());

        var tooFew = assertThrows(ProviderException.Rejected.class, () -> place("102", 10, "x"));
        assertEquals("Quantity must be between 100 and 100000", tooFew.getMessage());
        assertThrows(ProviderException.Rejected.class, () -> place("102", 100_001, "x"));

        assertThrows(ProviderException.Rejected.class, () -> provider.placeOrder(host,
                new ProviderOrderRequest("102", " ", 1000, "x")));
        assertThrows(ProviderException.Rejected.class, () -> provider.placeOrder(host,
                new ProviderOrderRequest("102", "https://x.example", 1000, "x", Map.of("runs", "5"))),
                "102 takes no drip-feed");
    }

    @Test
    void custom_comments_count_one_unit_per_line() throws Exception {
        String ref = provider.placeOrder(host, new ProviderOrderRequest("131", "https://instagram.com/p/1", 0, "x",
                Map.of("comments", "Great!\nLove this\n\nSo good\nWow\nNice"))).ref();
        assertEquals(5, DemoOrder.parse(ref).orElseThrow().quantity());

        assertThrows(ProviderException.Rejected.class, () -> provider.placeOrder(host,
                new ProviderOrderRequest("131", "https://instagram.com/p/1", 5, "x")));
    }

    @Test
    void drip_feed_orders_are_accepted_by_drip_feed_services() throws Exception {
        String ref = provider.placeOrder(host, new ProviderOrderRequest("111", "https://instagram.com/p/1", 100, "x",
                Map.of("runs", "5", "interval", "30"))).ref();
        assertTrue(DemoOrder.parse(ref).isPresent());
    }

    @Test
    void refs_are_unique_per_order_and_stable_per_request() throws Exception {
        Set<String> refs = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            refs.add(place("101", 1000, "item-" + i));
        }
        assertEquals(200, refs.size());
        assertEquals(place("101", 1000, "item-7"), place("101", 1000, "item-7"), "same request, same instant");
        assertNotEquals(place("101", 1000, null), place("101", 1000, null));
    }

    @Test
    void refill_cancel_and_balance() throws Exception {
        String ref = placeEnding(false);
        assertThrows(ProviderException.Rejected.class, () -> provider.refill(host, ref), "not completed yet");
        clock.advance(Duration.ofMinutes(5));

        String refillId = provider.refill(host, ref);
        assertEquals("R" + ref, refillId);
        assertEquals("Completed", provider.refillStatus(host, refillId));
        assertThrows(ProviderException.Rejected.class, () -> provider.refillStatus(host, "R123"));
        assertThrows(ProviderException.Rejected.class, () -> provider.refill(host, "123"));
        assertThrows(ProviderException.Rejected.class, () -> provider.refill(host, place("102", 1000, "no-refill")));

        assertEquals(Map.of(ref, false), provider.cancel(host, List.of(ref)));
        assertEquals(new BigDecimal("1000.00"), provider.balance(host).amount());
        assertEquals("USD", provider.balance(host).currency());
    }

    @Test
    void itSaysItIsSimulated() {
        assertTrue(provider.simulated(), "the host configures it for a demo shop by this, not by its id");
    }

    @Test
    void aSpeedThatIsNotAPositiveNumberIsAProblemWhenSaved() {
        assertEquals(Map.of(), provider.validateSettings(Map.of("speed", "60")));
        assertEquals(Map.of(), provider.validateSettings(Map.of()));
        for (String speed : List.of("0", "-1", "fast", "10001")) {
            assertEquals(java.util.Set.of("speed"), provider.validateSettings(Map.of("speed", speed)).keySet(), speed);
        }
    }
}
