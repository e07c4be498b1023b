package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.ProviderRequests;
import dev.ordino.base.DomainException;
import dev.ordino.ordering.TimelineEntry;
import dev.ordino.security.Roles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * White label: the customer never learns where the shop buys. Their order page and the timeline the
 * API answers with show the shop's own words; the back office keeps the provider's name and order id.
 */
class WhiteLabelTimelineTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService admin;
    @Autowired
    FakeSmmPanelAccess panels;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProviderRequests requests;

    @Test
    void customerSeesShopWordsWhileStaffSeeTheProviderAndItsReference() throws Exception {
        signIn("admin@example.com", Roles.ADMIN);
        String providerName = "Hidden panel " + UUID.randomUUID();
        try (var panel = panels.panelWithRefillAndCancel()) {
            long offering = panels.importOne(panels.provider(panel, providerName), "R1");
            AccountSummary customer = actors.customerWith("10.00");
            long orderId = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                    new PlaceOrder.Line(offering, 1000L, "https://www.instagram.com/white", null)), "wallet"), null)).order().id();
            panels.waitForState(orderId, "open");
            panels.report(panel, orderId, "In Progress", 500);
            String ref = jdbc.sql("SELECT provider_ref FROM provider_order WHERE order_id = ?").param(orderId).query(String.class).single();

            List<TimelineEntry> staff = actors.asAdmin(() -> admin.timeline(orderId));
            assertThat(staff).extracting(TimelineEntry::to).contains(OrderStatus.PROCESSING, OrderStatus.IN_PROGRESS);
            assertThat(staff.toString()).as("the back office keeps the detail").contains(providerName).contains(ref);

            // What GET /v1/orders/{id} serialises: status key, time and note of each line.
            List<TimelineEntry> mine = actors.as(customer, () -> orders.myTimeline(customer.id(), orderId));
            assertThat(mine).extracting(TimelineEntry::to)
                    .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.IN_PROGRESS);
            String words = mine.stream().map(e -> e.actor() + " " + e.note()).toList().toString();
            assertThat(words).doesNotContain(providerName).doesNotContainPattern("\\b" + ref + "\\b")
                    .doesNotContainIgnoringCase("provider");

            signIn(customer);
            UI.getCurrent().navigate("orders/" + orderId);
            OrderDetailView page = _get(OrderDetailView.class);
            String shown = page.timeline.getElement().getTextRecursively();
            assertThat(shown).contains("In progress").doesNotContain(providerName).doesNotContainPattern("\\b" + ref + "\\b")
                    .doesNotContainIgnoringCase("provider");
            assertThat(page.cancelRequest.getText()).isEqualTo("Request cancellation");

            // The panel turns the cancellation down in its own words: the customer gets the shop's.
            panels.refuseCancels(panel, "Order " + ref + " locked by " + providerName);
            assertThatThrownBy(() -> actors.as(customer, () -> {
                requests.requestCancel(customer.id(), orderId, customer.email());
                return null;
            })).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo("provider_refused");
                assertThat(e.getMessage()).doesNotContain(providerName).doesNotContainIgnoringCase("locked")
                        .doesNotContainIgnoringCase("provider");
            });
        }
    }
}
