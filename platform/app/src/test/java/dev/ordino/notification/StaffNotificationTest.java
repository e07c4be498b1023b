package dev.ordino.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A placed order is recorded as an event in the same transaction, becomes a staff notification in the outbox, and reaches
 * staff through the notify-log plugin (the channel a first start configures).
 */
@OrdinoTest
@ExtendWith(OutputCaptureExtension.class)
class StaffNotificationTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    CatalogService catalog;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewOrderIsPersistedAsAnEventAndStaffAreToldThroughThePluginChannel(CapturedOutput output) throws Exception {
        AccountSummary customer = actors.customerWith("5.00");
        long product = catalog.offerings(new OfferingFilter("tiktok", null, "Followers", false), Pageable.ofSize(1)).getContent()
                .getFirst().id();
        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(product, 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order();

        String pattern = "%\"orderId\":" + order.id() + ",%";
        Map<String, Object> publication = null;
        for (int i = 0; i < 600; i++) { // up to 30 s: the listener runs after the commit, on its own thread
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT listener_id, event_type, completion_date FROM EVENT_PUBLICATION "
                    + "WHERE event_type LIKE '%OrderPlaced' AND serialized_event LIKE ?", pattern);
            if (!rows.isEmpty() && rows.getFirst().get("completion_date") != null) {
                publication = rows.getFirst();
                break;
            }
            Thread.sleep(50);
        }
        assertThat(publication).as("publication recorded and completed").isNotNull();
        assertThat(publication.get("listener_id").toString()).contains("NotificationRecorder");
        String logged = "notification order_placed:" + order.id() + ":staff to staff: [Ordino] New order " + order.number() + " (0.50 USD)"
                + " | Order " + order.number() + ": 1 item(s), 0.50 USD. Status: Pending.";
        for (int i = 0; i < 600 && !output.getAll().contains(logged); i++) {
            Thread.sleep(50); // sent by the delivery job, woken by the commit
        }
        assertThat(output.getAll()).contains(logged);
    }
}
