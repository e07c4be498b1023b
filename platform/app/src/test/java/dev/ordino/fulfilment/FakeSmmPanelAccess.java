package dev.ordino.fulfilment;

import dev.ordino.Actors;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lets tests in other packages drive a fake panel and the provider services behind it. */
@Component
public class FakeSmmPanelAccess {

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final JdbcClient jdbc;
    private final Actors actors;
    private final ProviderStatusSync statusSync;

    FakeSmmPanelAccess(ProviderInstances instances, ProviderCatalog catalog, JdbcClient jdbc, Actors actors,
                       ProviderStatusSync statusSync) {
        this.statusSync = statusSync;
        this.instances = instances;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.actors = actors;
    }

    /** A panel listing one Instagram service "1". */
    public Panel panel() throws Exception {
        return panel("1", "IG Followers", false);
    }

    /** A panel listing one Instagram followers service at 1.00 per 1000, spread over runs when {@code dripfeed}. */
    public Panel panel(String serviceId, String name, boolean dripfeed) throws Exception {
        FakeSmmPanel panel = new FakeSmmPanel();
        panel.service(serviceId, name, "Instagram Followers", "1.00", 100, 10_000, false, false, "Default", dripfeed);
        return new Panel(panel);
    }

    /** A panel listing one Instagram followers service "R1" that offers refill and cancel. */
    public Panel panelWithRefillAndCancel() throws Exception {
        FakeSmmPanel panel = new FakeSmmPanel();
        panel.service("R1", "IG Followers refill", "Instagram Followers", "1.00", 100, 10_000, true, true, "Default", false);
        return new Panel(panel);
    }

    /** Makes the panel report the order's provider order with this status, then runs one status sync. */
    public void report(Panel panel, long orderId, String status, long remains) {
        String ref = jdbc.sql("SELECT provider_ref FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).single();
        panel.fake.status(ref, status, 100, remains);
        statusSync.syncAll();
    }

    public static final class Panel implements AutoCloseable {
        final FakeSmmPanel fake;

        Panel(FakeSmmPanel fake) {
            this.fake = fake;
        }

        public String url() {
            return fake.url();
        }

        public String key() {
            return FakeSmmPanel.KEY;
        }

        public int count(String action) {
            return fake.count(action);
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    public long provider(Panel panel, String name) {
        return actors.asAdmin(() -> instances.create(new ProviderForm(name, "provider-smm-v2",
                Map.of("url", panel.fake.url(), "key", FakeSmmPanel.KEY, "timeoutSeconds", "1"), new BigDecimal("50"), 10, true,
                null, "USD", BigDecimal.ONE)).id());
    }

    public long importOne(long providerId, String serviceId) {
        return actors.asAdmin(() -> catalog.importServices(providerId, List.of(serviceId), false, null)).getFirst().offeringId();
    }

    public void hang(Panel panel) {
        panel.fake.addMode = FakeSmmPanel.AddMode.HANG;
    }

    /** Makes the panel turn cancellations down with its own words. */
    public void refuseCancels(Panel panel, String error) {
        panel.fake.cancelError = error;
    }

    public void accept(Panel panel) {
        panel.fake.addMode = FakeSmmPanel.AddMode.ACCEPT;
    }

    public String state(long orderId) {
        return jdbc.sql("SELECT state FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).optional().orElse(null);
    }

    public void waitForState(long orderId, String state) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!state.equals(state(orderId))) {
            if (System.nanoTime() > until) {
                throw new AssertionError("provider order of " + orderId + " never became " + state);
            }
            Thread.sleep(50);
        }
    }
}
