package dev.ordino.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.Platform;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.TimelineEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bundled demo provider, sped up 1000 times, takes orders through to the end on its own. */
@OrdinoTest
class DemoProviderTest {

    @Autowired
    ProviderInstances instances;
    @Autowired
    ProviderCatalog catalog;
    @Autowired
    ProviderStatusSync statusSync;
    @Autowired
    CatalogService catalogService;
    @Autowired
    OrderService orders;
    @Autowired
    Actors actors;

    @Test
    void demoOrdersMoveFromPendingToCompletedAsTheProvidersClockRuns() throws Exception {
        long id = actors.asAdmin(() -> instances.create(new ProviderForm("Demo fast", "provider-demo", Map.of("speed", "1000"),
                new BigDecimal("50"), 50, true, null, "USD", BigDecimal.ONE)).id());
        List<ProviderCatalog.Imported> imported = actors.asAdmin(() -> catalog.importServices(id, null, true, null));
        assertThat(imported).hasSizeGreaterThan(30);
        OfferingView followers = imported.stream().map(i -> catalogService.offering(i.offeringId()).orElseThrow())
                .filter(o -> o.platform() == Platform.INSTAGRAM && !o.takesComments() && !o.takesUsernames())
                .findFirst().orElseThrow();

        AccountSummary customer = actors.customerWith("1000.00");
        List<OrderView> placed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            placed.add(actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                    new PlaceOrder.Line(followers.id(), followers.minQuantity(), "https://www.instagram.com/demo.shop", null)),
                    "wallet"), null)).order());
        }
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            statusSync.syncAll();
            List<OrderStatus> now = placed.stream()
                    .map(o -> actors.as(customer, () -> orders.myOrder(customer.id(), o.id())).status()).toList();
            if (now.stream().allMatch(OrderStatus::isFinal)) {
                break;
            }
            Thread.sleep(30);
        }
        List<OrderView> finished = placed.stream().map(o -> actors.as(customer, () -> orders.myOrder(customer.id(), o.id()))).toList();
        assertThat(finished).allSatisfy(o -> assertThat(o.status()).isIn(OrderStatus.COMPLETED, OrderStatus.PARTIAL));
        // The demo ends about one order in eight Partial (with the rest refunded); four orders all partial is a 1-in-4096 draw.
        assertThat(finished).anySatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.COMPLETED));
        for (OrderView order : finished) {
            assertThat(actors.as(customer, () -> orders.myTimeline(customer.id(), order.id())))
                    .extracting(TimelineEntry::to).as("the way it went")
                    .containsSubsequence(OrderStatus.PENDING, OrderStatus.PROCESSING, order.status());
        }
        finished.stream().filter(o -> o.status() == OrderStatus.PARTIAL)
                .forEach(o -> assertThat(o.refundedAmount()).isPositive());
    }
}
