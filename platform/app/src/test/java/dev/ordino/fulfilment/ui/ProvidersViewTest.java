package dev.ordino.fulfilment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.OfferingView;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.fulfilment.ProviderCatalog;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.security.Roles;
import java.util.List;
import java.util.UUID;
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
    @Autowired
    ProviderCatalog catalog;

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
                    .isInstanceOf(MockAccessDeniedException.class);

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

    @Test
    void anAdminMapsAnOfferingToTwoProvidersServicesReordersThemAndSavesWhileStaffOnlySeeTheList() throws Exception {
        signIn("admin@example.com", Roles.ADMIN);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String offeringName = "Mapped followers " + run;
        try (var main = panels.panel("1", offeringName, false); var backup = panels.panel("B1", "Backup followers", false)) {
            long mainId = panels.provider(main, "Main " + run);
            long backupId = panels.provider(backup, "Backup " + run);
            long offeringId = panels.importOne(mainId, "1");
            var gone = panels.panel();
            panels.provider(gone, "Gone " + run);
            gone.close();

            UI.getCurrent().navigate("admin/providers");
            ServiceMappingEditor editor = _get(ProvidersView.class).mappings;
            assertThat(editor.save.isVisible()).as("nothing to save before an offering is chosen").isFalse();
            OfferingView offering = pick(editor, offeringName);
            editor.offering.setValue(offering);
            assertThat(editor.entries()).extracting(ProviderCatalog.Mapping::serviceId).containsExactly("1");

            editor.provider.setValue(provider(editor, "Gone " + run));
            assertThat(editor.provider.isInvalid()).as("a provider that cannot be reached says so").isTrue();
            assertThat(editor.provider.getErrorMessage()).startsWith("Could not load this provider's services.");
            assertThat(editor.service.isEnabled()).isFalse();

            editor.provider.setValue(provider(editor, "Backup " + run));
            assertThat(editor.provider.isInvalid()).isFalse();
            ComboBoxKt.setUserInput(editor.service, "b1");
            List<ProviderService> found = ComboBoxKt.getSuggestionItems(editor.service);
            assertThat(found).extracting(ProviderService::id).containsExactly("B1");
            editor.service.setValue(found.getFirst());
            ButtonKt._click(editor.add);
            assertThat(editor.entries()).extracting(ProviderCatalog.Mapping::serviceId).containsExactly("1", "B1");

            // The backup goes first: the second row's "up".
            ButtonKt._click(_find(editor.rows, Button.class, spec -> spec.withClasses("mapping-up")).get(1));
            assertThat(editor.entries()).extracting(ProviderCatalog.Mapping::serviceId).containsExactly("B1", "1");
            assertThat(actors.asAdmin(() -> catalog.mappings(offeringId))).as("nothing stored before saving").hasSize(1);
            ButtonKt._click(editor.save);
            assertThat(actors.asAdmin(() -> catalog.mappings(offeringId)))
                    .extracting(ProviderCatalog.Mapping::providerId, ProviderCatalog.Mapping::serviceId)
                    .containsExactly(tuple(backupId, "B1"), tuple(mainId, "1"));

            signIn("staff@example.com", Roles.STAFF);
            UI.getCurrent().navigate("admin"); // a fresh Providers page, built for staff
            UI.getCurrent().navigate("admin/providers");
            ServiceMappingEditor readOnly = _get(ProvidersView.class).mappings;
            readOnly.offering.setValue(pick(readOnly, offeringName));
            assertThat(readOnly.entries()).extracting(ProviderCatalog.Mapping::serviceId).containsExactly("B1", "1");
            assertThat(readOnly.save.isVisible()).as("staff cannot change mappings").isFalse();
            assertThat(readOnly.editing.isVisible()).isFalse();
            assertThat(_find(readOnly.rows, Button.class)).isEmpty();
        }
    }

    /** The offering as the picker finds it, searched on the server by name. */
    private static OfferingView pick(ServiceMappingEditor editor, String name) {
        ComboBoxKt.setUserInput(editor.offering, name);
        List<OfferingView> found = ComboBoxKt.getSuggestionItems(editor.offering);
        assertThat(found).extracting(OfferingView::name).containsExactly(name);
        return found.getFirst();
    }

    private static ProviderView provider(ServiceMappingEditor editor, String name) {
        return editor.provider.getListDataView().getItems().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
