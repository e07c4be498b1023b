package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.catalog.CatalogService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Provider fulfilment end to end against a fake SMM API v2 panel on 127.0.0.1: import, one
 * submission per paid line, status sync with refunds, failures of every kind, failover,
 * refill and cancel, and the service sync.
 */
@OrdinoTest
class ProviderFulfilmentTest {

    @Autowired
    ProviderInstances instances;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderSubmission submission;
    @Autowired
    ProviderStatusSync statusSync;
    @Autowired
    ProviderOrders providerOrders;
    @Autowired
    OrderService orders;
    @Autowired
    CatalogService catalogService;
    @Autowired
    WalletService wallet;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Actors actors;

    FakeSmmPanel panel;

    @BeforeEach
    void startPanel() throws Exception {
        panel = new FakeSmmPanel();
    }

    @AfterEach
    void stopPanel() {
        panel.close();
    }

    long provider(FakeSmmPanel on, String rate, int priority) {
        return actors.asAdmin(() -> instances.create(new ProviderForm("Panel " + UUID.randomUUID(), "provider-smm-v2",
                Map.of("url", on.url(), "key", FakeSmmPanel.KEY, "timeoutSeconds", "1"), new BigDecimal("50"), priority, true,
                new BigDecimal("50"), "USD", new BigDecimal(rate))).id());
    }

    long importOne(long providerId, String serviceId) {
        return actors.asAdmin(() -> catalog.importServices(providerId, List.of(serviceId), false, null)).getFirst().offeringId();
    }

    OrderView order(AccountSummary customer, long offeringId, long quantity) {
        return order(customer, new PlaceOrder.Line(offeringId, quantity, "https://www.instagram.com/some.profile", null));
    }

    OrderView order(AccountSummary customer, PlaceOrder.Line line) {
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(line), "wallet"), null))
                .order();
    }

    OrderView reload(AccountSummary customer, long orderId) {
        return actors.as(customer, () -> orders.myOrder(customer.id(), orderId));
    }

    String state(long orderId) {
        return jdbc.sql("SELECT state FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).optional()
                .orElse(null);
    }

    String ref(long orderId) {
        return jdbc.sql("SELECT provider_ref FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).single();
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Condition not met within 30 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void importsHundredsOfServicesWithMarkupAndConversionRoundedUp() {
        panel.addServices(300, "Instagram Followers");
        panel.service("9001", "TikTok Views HQ", "TikTok Views", "0.333333", 100, 1000, false, false);
        long id = provider(panel, "1500", 10);

        List<ProviderCatalog.Imported> imported = actors.asAdmin(() -> catalog.importServices(id, null, true, new BigDecimal("50")));
        assertThat(imported).hasSize(301);
        ProviderCatalog.Imported tiktok = imported.stream().filter(i -> i.serviceId().equals("9001")).findFirst().orElseThrow();
        // 0.333333 USD × 1500 × 1.5 = 749.99925 → 749.9993 per 1000: 4 decimals, rounded up, never below
        assertThat(tiktok.price()).isEqualByComparingTo("749.9993");
        assertThat(tiktok.pricePer()).isEqualTo(1000);
        var offering = catalogService.offering(tiktok.offeringId()).orElseThrow();
        assertThat(offering.minQuantity()).isEqualTo(100);
        assertThat(offering.maxQuantity()).isEqualTo(1000);
        assertThat(offering.platform().name()).isEqualTo("TIKTOK");

        assertThat(actors.asAdmin(() -> catalog.importServices(id, null, true, null))).as("imported before").isEmpty();
        assertThatThrownBy(() -> actors.asAdmin(() -> catalog.importServices(id, List.of("nope"), false, null)))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "unknown_service");
    }

    @Test
    void paidOrderIsSubmittedOnceAndPartialRefundsRemainsOnceEvenWhenSyncedTwice() throws Exception {
        panel.service("11", "IG Followers", "Instagram Followers", "1.00", 100, 10_000, false, false);
        long providerId = provider(panel, "1", 10);
        long offeringId = importOne(providerId, "11");
        AccountSummary customer = actors.customerWith("10.00");

        OrderView placed = order(customer, offeringId, 1000); // 1.50 per 1000
        eventually(() -> "open".equals(state(placed.id())));
        assertThat(panel.count("add")).isEqualTo(1);
        Map<String, String> add = panel.adds.getFirst();
        assertThat(add).containsEntry("key", FakeSmmPanel.KEY).containsEntry("action", "add").containsEntry("service", "11")
                .containsEntry("link", "https://www.instagram.com/some.profile").containsEntry("quantity", "1000");
        // The line is stored as open first, then the order is marked processing (same thread, right after).
        eventually(() -> reload(customer, placed.id()).status() == OrderStatus.PROCESSING);

        submission.submitDue();
        assertThat(panel.count("add")).as("never sent twice").isEqualTo(1);

        panel.status(ref(placed.id()), "In Progress", 3572, 600);
        statusSync.syncAll();
        OrderView running = reload(customer, placed.id());
        assertThat(running.status()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(running.items().getFirst().startCount()).isEqualTo(3572);
        assertThat(running.items().getFirst().remains()).isEqualTo(600);

        panel.status(ref(placed.id()), "Partial", 3572, 250);
        statusSync.syncAll();
        statusSync.syncAll();
        OrderView partial = reload(customer, placed.id());
        assertThat(partial.status()).isEqualTo(OrderStatus.PARTIAL);
        // 1.50 × 250 / 1000 = 0.375 → 0.38 (half up)
        assertThat(partial.refundedAmount()).isEqualByComparingTo("0.38");
        assertThat(partial.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("8.88");
        assertThat(actors.asAdmin(() -> wallet.ledgerSum(customer.id()))).isEqualByComparingTo("8.88");
        assertThat(state(placed.id())).isEqualTo("done");
    }

    @Test
    void canceledAtTheProviderRefundsTheLineAndErrorsInABatchGoToAttention() throws Exception {
        panel.service("21", "IG Likes", "Instagram Likes", "2.00", 100, 10_000, false, false);
        long providerId = provider(panel, "1", 10);
        long offeringId = importOne(providerId, "21");
        AccountSummary customer = actors.customerWith("20.00");
        OrderView first = order(customer, offeringId, 1000); // 3.00
        OrderView second = order(customer, offeringId, 2000); // 6.00
        eventually(() -> "open".equals(state(first.id())) && "open".equals(state(second.id())));

        panel.status(ref(first.id()), "Canceled", 0, 1000);
        panel.statusErrors.put(ref(second.id()), "Incorrect order ID");
        ProviderStatusSync.Result result = statusSync.syncAll();
        assertThat(result.checked()).isGreaterThanOrEqualTo(2);

        OrderView cancelled = reload(customer, first.id());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.refundedAmount()).isEqualByComparingTo("3.00");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("14.00");
        assertThat(state(second.id())).isEqualTo("attention");
        assertThat(actors.asAdmin(() -> providerOrders.needingAttention()))
                .anySatisfy(line -> assertThat(line.orderId()).isEqualTo(second.id()));
    }

    @Test
    void fiveHundredsAndRefusedConnectionsKeepTheOrderPendingAndItIsSentOnceWhenThePanelIsBack() throws Exception {
        panel.service("31", "IG Views", "Instagram Views", "0.10", 100, 100_000, false, false);
        long providerId = provider(panel, "1", 10);
        long offeringId = importOne(providerId, "31");
        AccountSummary customer = actors.customerWith("10.00");

        panel.addMode = FakeSmmPanel.AddMode.FAIL_500;
        OrderView placed = order(customer, offeringId, 1000);
        eventually(() -> panel.count("add") == 1 && "queued".equals(state(placed.id())));
        assertThat(reload(customer, placed.id()).status()).isEqualTo(OrderStatus.PENDING);

        panel.down();
        dueNow(placed.id());
        submission.submitDue();
        assertThat(state(placed.id())).isEqualTo("queued");
        assertThat(reload(customer, placed.id()).status()).isEqualTo(OrderStatus.PENDING);

        panel.up();
        panel.addMode = FakeSmmPanel.AddMode.ACCEPT;
        submission.submitDue();
        assertThat(state(placed.id())).as("not due yet: backoff").isEqualTo("queued");
        dueNow(placed.id());
        submission.submitDue();
        submission.submitDue();
        assertThat(state(placed.id())).isEqualTo("open");
        assertThat(panel.adds).as("accepted exactly once").hasSize(1);
        assertThat(reload(customer, placed.id()).status()).isEqualTo(OrderStatus.PROCESSING);
        assertThat(actors.asAdmin(() -> instances.errorLog(providerId, 10))).isNotEmpty();
    }

    void dueNow(long orderId) {
        jdbc.sql("UPDATE provider_order SET next_attempt_at = '2000-01-01' WHERE order_id = ?").param(orderId).update();
    }

    @Test
    void aReadTimeoutLandsInNeedsAttentionAndIsNeverResentByItself() throws Exception {
        panel.service("41", "IG Saves", "Instagram Saves", "0.50", 100, 100_000, false, false);
        long providerId = provider(panel, "1", 10);
        long offeringId = importOne(providerId, "41");
        AccountSummary customer = actors.customerWith("10.00");

        panel.addMode = FakeSmmPanel.AddMode.HANG;
        OrderView placed = order(customer, offeringId, 1000);
        eventually(() -> "unknown".equals(state(placed.id())));
        int sent = panel.count("add");
        assertThat(sent).isEqualTo(1);
        submission.submitDue();
        submission.recoverStuck();
        assertThat(panel.count("add")).isEqualTo(sent);
        assertThat(actors.asAdmin(() -> providerOrders.needingAttention()))
                .anySatisfy(line -> assertThat(line.orderId()).isEqualTo(placed.id()));

        // Staff found it at the provider: they enter its order id and the line is tracked from then on.
        long lineId = jdbc.sql("SELECT id FROM provider_order WHERE order_id = ?").param(placed.id()).query(Long.class).single();
        actors.asAdmin(() -> {
            providerOrders.enterReference(lineId, "77777", "admin@ordino.demo");
            return null;
        });
        assertThat(state(placed.id())).isEqualTo("open");
        assertThat(reload(customer, placed.id()).status()).isEqualTo(OrderStatus.PROCESSING);
    }

    @Test
    void aRefusalFailsOverToTheNextProviderAndWithoutOneGoesToStaff() throws Exception {
        panel.service("51", "IG Followers", "Instagram Followers", "1.00", 100, 10_000, false, false);
        long first = provider(panel, "1", 10);
        long offeringId = importOne(first, "51");
        try (FakeSmmPanel backup = new FakeSmmPanel()) {
            backup.service("B1", "Followers", "Instagram", "1.20", 100, 10_000, false, false);
            long second = provider(backup, "1", 20);
            actors.asAdmin(() -> catalog.setMappings(offeringId, List.of(new ProviderCatalog.MappingForm(first, "51"),
                    new ProviderCatalog.MappingForm(second, "B1"))));
            // the price is lifted to stay above the dearer backup's cost
            assertThat(catalogService.offering(offeringId).orElseThrow().price()).isGreaterThanOrEqualTo(new BigDecimal("1.20"));

            panel.addMode = FakeSmmPanel.AddMode.ERROR_BODY;
            AccountSummary customer = actors.customerWith("10.00");
            OrderView placed = order(customer, offeringId, 1000);
            eventually(() -> "open".equals(state(placed.id())));
            assertThat(panel.count("add")).isEqualTo(1);
            assertThat(backup.adds).hasSize(1);
            assertThat(backup.adds.getFirst()).containsEntry("service", "B1");

            backup.addMode = FakeSmmPanel.AddMode.ERROR_BODY;
            OrderView refused = order(customer, offeringId, 1000);
            eventually(() -> "attention".equals(state(refused.id())));
            assertThat(actors.asAdmin(() -> providerOrders.needingAttention()))
                    .anySatisfy(line -> assertThat(line.reason()).contains("Not enough funds"));
            long lineId = jdbc.sql("SELECT id FROM provider_order WHERE order_id = ?").param(refused.id()).query(Long.class).single();
            BigDecimal before = wallet.balance(customer.id());
            actors.asAdmin(() -> {
                providerOrders.refund(lineId, "admin@ordino.demo");
                return null;
            });
            assertThat(wallet.balance(customer.id())).isEqualByComparingTo(before.add(refused.total()));
            assertThat(reload(customer, refused.id()).status()).isEqualTo(OrderStatus.CANCELLED);
            assertThatThrownBy(() -> actors.asAdmin(() -> {
                providerOrders.refund(lineId, "admin@ordino.demo");
                return null;
            })).as("a second click refunds nothing").hasFieldOrPropertyWithValue("code", "not_needing_attention");
            assertThat(wallet.balance(customer.id())).isEqualByComparingTo(before.add(refused.total()));
        }
    }

    @Test
    void refillAndCancelRequestsReachTheProvider() throws Exception {
        panel.service("61", "IG Followers Refill", "Instagram Followers", "1.00", 100, 10_000, true, true);
        long providerId = provider(panel, "1", 10);
        long offeringId = importOne(providerId, "61");
        AccountSummary customer = actors.customerWith("10.00");

        OrderView done = order(customer, offeringId, 1000);
        eventually(() -> "open".equals(state(done.id())));
        assertThatThrownBy(() -> actors.as(customer, () -> providerOrders.refillNow(customer.id(), done.id(), customer.email())))
                .hasFieldOrPropertyWithValue("code", "refill_not_available");
        panel.status(ref(done.id()), "Completed", 100, 0);
        statusSync.syncAll();
        assertThat(reload(customer, done.id()).status()).isEqualTo(OrderStatus.COMPLETED);
        String refillId = actors.as(customer, () -> providerOrders.refillNow(customer.id(), done.id(), customer.email()));
        assertThat(refillId).isNotBlank();
        assertThat(panel.count("refill")).isEqualTo(1);
        statusSync.syncAll();
        assertThat(panel.count("refill_status")).isEqualTo(1);

        OrderView running = order(customer, offeringId, 2000);
        eventually(() -> "open".equals(state(running.id())));
        actors.as(customer, () -> {
            providerOrders.requestCancel(customer.id(), running.id(), customer.email());
            return null;
        });
        assertThat(panel.count("cancel")).isEqualTo(1);
        eventually(() -> reload(customer, running.id()).status() == OrderStatus.PROCESSING);
        assertThat(reload(customer, running.id()).refundedAmount()).as("refund waits for the provider").isZero();
        panel.status(ref(running.id()), "Canceled", 0, 2000);
        statusSync.syncAll();
        assertThat(reload(customer, running.id()).refundedAmount()).isEqualByComparingTo("3.00");

        AccountSummary stranger = actors.customerWith("0");
        assertThatThrownBy(() -> actors.as(stranger, () -> providerOrders.refillNow(stranger.id(), done.id(), stranger.email())))
                .hasFieldOrPropertyWithValue("code", "refill_not_available");
    }

    @Test
    void serviceSyncDisablesVanishedServicesFlagsRisesAndNeverLeavesAPriceBelowCost() {
        panel.service("71", "IG A", "Instagram Followers", "1.00", 100, 10_000, false, false);
        panel.service("72", "IG B", "Instagram Followers", "2.00", 100, 10_000, false, false);
        long providerId = provider(panel, "1", 10);
        List<ProviderCatalog.Imported> imported = actors.asAdmin(() -> catalog.importServices(providerId, List.of("71", "72"), false,
                new BigDecimal("10")));
        long a = imported.stream().filter(i -> i.serviceId().equals("71")).findFirst().orElseThrow().offeringId();
        long b = imported.stream().filter(i -> i.serviceId().equals("72")).findFirst().orElseThrow().offeringId();

        panel.remove("72");
        panel.setRate("71", "3.00");
        ProviderCatalog.SyncResult result = actors.asAdmin(() -> catalog.syncServices(providerId, share -> { }));
        assertThat(result.updated()).isEqualTo(1);
        assertThat(result.priceRises()).isEqualTo(1);
        assertThat(result.disabled()).isEqualTo(1);
        assertThat(catalogService.offering(b).orElseThrow().active()).isFalse();
        // below cost after the rise: lifted to cost × (1 + the instance's 50 % markup)
        assertThat(catalogService.offering(a).orElseThrow().price()).isEqualByComparingTo("4.5000");
        assertThat(actors.asAdmin(() -> catalog.mappings(a)).getFirst().previousRate()).isEqualByComparingTo("1.00");
    }

    @Test
    void customCommentsReachThePanelOnePerLineAndTheirCountIsTheQuantity() throws Exception {
        panel.service("81", "IG Custom Comments", "Instagram Comments", "20.00", 1, 1000, false, false, "Custom Comments", false);
        long offeringId = importOne(provider(panel, "1", 10), "81");
        assertThat(catalogService.offering(offeringId).orElseThrow().takesComments()).isTrue();
        AccountSummary customer = actors.customerWith("10.00");

        OrderView placed = order(customer, new PlaceOrder.Line(offeringId, null, "https://www.instagram.com/p/abc", null, null, null,
                "nice\ngreat\nwow", null));
        eventually(() -> "open".equals(state(placed.id())));
        assertThat(panel.adds).hasSize(1);
        assertThat(panel.adds.getFirst()).containsEntry("service", "81").containsEntry("comments", "nice\ngreat\nwow")
                .containsEntry("quantity", "3").doesNotContainKeys("runs", "interval");
        // 20.00 × 1.5 markup = 30.00 per 1000; 3 comments
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("9.91");
    }

    @Test
    void aDripFeedOrderSendsRunsAndIntervalAndIsChargedForEveryRunWhileRunsOnAnOrdinaryServiceAreRefused() throws Exception {
        panel.service("82", "IG Followers Drip", "Instagram Followers", "1.00", 100, 10_000, false, false, "Default", true);
        panel.service("83", "IG Followers Plain", "Instagram Followers", "1.00", 100, 10_000, false, false);
        long providerId = provider(panel, "1", 10);
        long drip = importOne(providerId, "82");
        long plain = importOne(providerId, "83");
        AccountSummary customer = actors.customerWith("10.00");

        assertThatThrownBy(() -> order(customer, new PlaceOrder.Line(plain, 1000L, "https://www.instagram.com/some.profile", null,
                5, 30, null, null)))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "dripfeed_not_available");
        assertThat(wallet.balance(customer.id())).as("nothing charged").isEqualByComparingTo("10.00");

        OrderView placed = order(customer, new PlaceOrder.Line(drip, 1000L, "https://www.instagram.com/some.profile", null, 5, 30,
                null, null));
        eventually(() -> "open".equals(state(placed.id())));
        assertThat(panel.adds).as("only the drip-feed order was sent").hasSize(1);
        assertThat(panel.adds.getFirst()).containsEntry("service", "82").containsEntry("quantity", "1000")
                .containsEntry("runs", "5").containsEntry("interval", "30");
        // 1.50 per 1000 × 1000 per run × 5 runs
        assertThat(placed.total()).isEqualByComparingTo("7.50");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("2.50");
    }

    @Test
    void providersAreValidatedAndTheirKeysStoredEncryptedAndShownMasked() {
        long id = provider(panel, "1", 10);
        ProviderView view = actors.asAdmin(() -> instances.get(id));
        assertThat(view.settings()).containsEntry("key", ProviderInstances.MASK).containsEntry("url", panel.url());
        String stored = jdbc.sql("SELECT settings FROM provider_instance WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain(FakeSmmPanel.KEY).doesNotContain("127.0.0.1");
        assertThat(actors.asAdmin(() -> instances.testConnection(id)).balance()).isEqualByComparingTo("100.84");

        assertThatThrownBy(() -> actors.asAdmin(() -> instances.create(new ProviderForm("No key", "provider-smm-v2",
                Map.of("url", panel.url()), null, null, null, null, null, null))))
                .hasFieldOrPropertyWithValue("code", "setting_required").hasFieldOrPropertyWithValue("field", "settings.key");
        assertThatThrownBy(() -> actors.asAdmin(() -> instances.create(new ProviderForm("Bad url", "provider-smm-v2",
                Map.of("url", "ftp://x", "key", "k"), null, null, null, null, null, null))))
                .hasFieldOrPropertyWithValue("code", "invalid_url");
        assertThatThrownBy(() -> actors.asAdmin(() -> instances.create(new ProviderForm("No plugin", "nope", Map.of(), null, null,
                null, null, null, null))))
                .hasFieldOrPropertyWithValue("code", "unknown_plugin");

        // The stored key never follows a changed address: it has to be entered again.
        assertThatThrownBy(() -> actors.asAdmin(() -> instances.update(id, new ProviderForm(view.name(), null,
                Map.of("url", "https://elsewhere.example/api/v2", "key", ProviderInstances.MASK), null, null, null, null, null, null))))
                .hasFieldOrPropertyWithValue("code", "secret_required").hasFieldOrPropertyWithValue("field", "settings.key");
        assertThat(actors.asAdmin(() -> instances.update(id, new ProviderForm(view.name(), null,
                Map.of("url", panel.url(), "key", ProviderInstances.MASK), null, null, null, new BigDecimal("50"), null, null))).enabled())
                .as("same address, key kept, still enabled").isTrue();

        panel.balance = "10.00";
        actors.asAdmin(() -> instances.testConnection(id));
        assertThat(actors.asAdmin(() -> instances.openAlerts())).anySatisfy(alert -> assertThat(alert.message()).contains("below"));
    }
}
