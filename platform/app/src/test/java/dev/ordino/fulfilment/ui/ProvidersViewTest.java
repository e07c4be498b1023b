package dev.ordino.fulfilment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.security.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ProvidersViewTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FakeSmmPanelAccess panels;

    @Test
    void customersCannotOpenItAndStaffSeeInstancesAndResubmitALineNeedingAttention() throws Exception {
        // Setup through the services: in a Karibu test the signed-in session's user is the one who acts.
        signIn("admin@example.com", Roles.ADMIN);
        try (var panel = panels.panel()) {
            long providerId = panels.provider(panel, "Karibu panel");
            long offeringId = panels.importOne(providerId, "1");
            panels.hang(panel);
            AccountSummary customer = actors.customerWith("10.00");
            long orderId = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                    new PlaceOrder.Line(offeringId, 1000L, "https://www.instagram.com/karibu", null)), "wallet"), null)).order().id();
            panels.waitForState(orderId, "unknown");
            panels.accept(panel);

            signIn("someone@example.com", Roles.CUSTOMER);
            assertThatThrownBy(() -> UI.getCurrent().navigate("admin/providers"))
                    .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);

            signIn("staff@example.com", Roles.STAFF);
            UI.getCurrent().navigate("admin/providers");
            ProvidersView view = _get(ProvidersView.class);
            assertThat(view.add.isVisible()).as("only admins add providers").isFalse();
            assertThat(GridKt._findAll(view.grid)).extracting(ProviderView::name).contains("Karibu panel");
            assertThat(view.attention.isVisible()).isTrue();
            int row = GridKt._findAll(view.attention).stream().map(l -> l.orderId()).toList().indexOf(orderId);
            assertThat(row).isNotNegative();

            Component card = GridKt._getCellComponent(view.attention, row, "line");
            Button resubmit = _get(card, Button.class, spec -> spec.withClasses("attention-resubmit"));
            ButtonKt._click(resubmit);
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
            assertThat(panel.count("add")).isEqualTo(2);
            assertThat(panels.state(orderId)).isEqualTo("open");
            assertThat(GridKt._findAll(view.attention)).noneMatch(l -> l.orderId() == orderId);

            view.syncOrders();
            assertThat(panel.count("status")).isGreaterThanOrEqualTo(1);
        }
    }
}
