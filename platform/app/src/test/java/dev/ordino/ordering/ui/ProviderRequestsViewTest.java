package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.security.Roles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer's order page offers a refill and a cancellation only where the provider's service allows them. */
class ProviderRequestsViewTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    FakeSmmPanelAccess panels;

    @Test
    void aRunningOrderCanBeCancelledAtTheProviderAndACompletedOneRefilled() throws Exception {
        signIn("admin@example.com", Roles.ADMIN);
        try (var panel = panels.panelWithRefillAndCancel()) {
            long offering = panels.importOne(panels.provider(panel, "Refill panel " + UUID.randomUUID()), "R1");
            AccountSummary customer = actors.customerWith("10.00");
            long running = place(customer, offering);
            long done = place(customer, offering);
            panels.waitForState(running, "open");
            panels.waitForState(done, "open");
            panels.report(panel, done, "Completed", 0);

            signIn(customer);
            UI.getCurrent().navigate("orders/" + running);
            OrderDetailView page = _get(OrderDetailView.class);
            assertThat(page.refill.isVisible()).as("not completed yet").isFalse();
            assertThat(page.cancelRequest.isVisible()).isTrue();
            page.cancelRequest.click();
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
            assertThat(panel.count("cancel")).isEqualTo(1);
            assertThat(page.cancelRequest.isVisible()).as("asked once").isFalse();

            UI.getCurrent().navigate("orders/" + done);
            page = _get(OrderDetailView.class);
            assertThat(page.cancelRequest.isVisible()).isFalse();
            assertThat(page.refill.isVisible()).isTrue();
            page.refill.click();
            assertThat(panel.count("refill")).isEqualTo(1);
            assertThat(page.refill.isVisible()).as("one refill at a time").isFalse();
            assertThat(page.refillStatus.getText()).isEqualTo("Last refill: Pending");
        }
    }

    private long place(AccountSummary customer, long offering) {
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering, 1000L, "https://www.instagram.com/refill", null)), "wallet"), null)).order().id();
    }
}
