package dev.ordino.fulfilment;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The safety net behind the paid event: a paid line of a provider-backed offering that has no
 * provider order is found by the sweep and sent, once. And the scheduled provider jobs run once
 * per period whichever node asks, without blocking the "now" buttons.
 */
@OrdinoTest
@ExtendWith(OutputCaptureExtension.class)
class ProviderSweepTest {

    @Autowired
    ProviderInstances instances;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderQueue queue;
    @Autowired
    ProviderJobs jobs;
    @Autowired
    OrderService orders;
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
        releaseLocks();
    }

    /** Ends the jobs' periods. The rows stay: ShedLock remembers that it made them and only updates them afterwards. */
    void releaseLocks() {
        List.of("provider-order-sync-period", "provider-order-sync-recent-period", "provider-sweep").forEach(this::expire);
    }

    ProviderForm form(String name, boolean enabled) {
        return new ProviderForm(name, "provider-smm-v2", Map.of("url", panel.url(), "key", FakeSmmPanel.KEY, "timeoutSeconds", "1"),
                new BigDecimal("50"), 10, enabled, new BigDecimal("50"), "USD", BigDecimal.ONE);
    }

    String state(long orderId) {
        return jdbc.sql("SELECT state FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).optional()
                .orElse(null);
    }

    @Test
    void aPaidLineThatWasNeverQueuedIsFoundByTheSweepAndSentOnce() throws Exception {
        panel.service("61", "IG Reach", "Instagram Reach", "1.00", 100, 100_000, false, false);
        String name = "Sweep panel " + UUID.randomUUID();
        long providerId = actors.asAdmin(() -> instances.create(form(name, true)).id());
        long offeringId = actors.asAdmin(() -> catalog.importServices(providerId, List.of("61"), false, null)).getFirst().offeringId();
        AccountSummary customer = actors.customerWith("10.00");

        // Paid while its provider was switched off: the paid event queued nothing.
        actors.asAdmin(() -> instances.update(providerId, form(name, false)));
        OrderView placed = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offeringId, 1000L, "https://www.instagram.com/some.profile", null)), "wallet"), null)).order();
        Thread.sleep(500);
        assertThat(state(placed.id())).isNull();
        actors.asAdmin(() -> instances.update(providerId, form(name, true)));

        assertThat(queue.sweep()).isGreaterThanOrEqualTo(1);
        eventually(() -> "open".equals(state(placed.id())));
        assertThat(panel.count("add")).isEqualTo(1);

        queue.sweep();
        Thread.sleep(300);
        assertThat(panel.count("add")).as("sent once").isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM provider_order WHERE order_id = ?").param(placed.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aScheduledJobRunsOncePerPeriodWhicheverNodeAsksAndSyncNowStillWorks(CapturedOutput output) {
        // Two attempts in the same period (this node twice, or two nodes): the lock outlives the run, so the second is skipped.
        jobs.syncOrdersOnSchedule();
        jobs.syncOrdersOnSchedule();
        assertThat(Pattern.compile("Provider order sync: ").matcher(output.getAll()).results().count()).isEqualTo(1);

        // The period lock is not the run lock: staff can still sync now.
        ProviderStatusSync.Result now = actors.asAdmin(() -> jobs.syncOrdersNow());
        assertThat(now).isNotNull();

        jobs.sweep();
        jobs.sweep();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'provider-sweep' AND lock_until > UTC_TIMESTAMP(3) + INTERVAL 30 SECOND")
                .query(Long.class).single()).as("the sweep's lock lasts its period (PT1M)").isEqualTo(1);
    }

    @Test
    void ordersInTheirFirstHourAreCheckedAtEveryTickTheRestOncePerPeriod() throws Exception {
        panel.service("62", "IG Saves", "Instagram Saves", "1.00", 100, 100_000, false, false);
        long providerId = actors.asAdmin(() -> instances.create(form("Recent panel " + UUID.randomUUID(), true)).id());
        long offeringId = actors.asAdmin(() -> catalog.importServices(providerId, List.of("62"), false, null)).getFirst().offeringId();
        AccountSummary customer = actors.customerWith("10.00");
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            placed.add(actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                    new PlaceOrder.Line(offeringId, 100L, "https://www.instagram.com/recent", null)), "wallet"), null)).order().id());
        }
        for (long order : placed) {
            eventually(() -> "open".equals(state(order)));
            panel.status(ref(order), "Pending", 0, 100);
        }
        long old = placed.get(0);
        long young = placed.get(1);
        jdbc.sql("UPDATE provider_order SET submitted_at = UTC_TIMESTAMP(6) - INTERVAL 2 HOUR WHERE order_id = ?").param(old).update();
        releaseLocks();

        jobs.syncOrdersOnSchedule(); // the period's first tick checks every order
        assertThat(providerStatus(old)).isEqualTo("Pending");
        assertThat(providerStatus(young)).isEqualTo("Pending");
        placed.forEach(order -> panel.status(ref(order), "In Progress", 10, 50));

        expire("provider-order-sync-recent-period"); // a minute later, within the period
        jobs.syncOrdersOnSchedule();
        assertThat(providerStatus(young)).as("sent within the hour: checked at every tick").isEqualTo("In progress");
        assertThat(providerStatus(old)).as("sent two hours ago: once per period").isEqualTo("Pending");

        expire("provider-order-sync-recent-period");
        expire("provider-order-sync-period"); // the period is over
        jobs.syncOrdersOnSchedule();
        assertThat(providerStatus(old)).isEqualTo("In progress");
    }

    String ref(long orderId) {
        return jdbc.sql("SELECT provider_ref FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).single();
    }

    String providerStatus(long orderId) {
        return jdbc.sql("SELECT provider_status FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).single();
    }

    void expire(String lock) {
        jdbc.sql("UPDATE shedlock SET lock_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE name = ?").param(lock).update();
    }
}
