package dev.ordino.stock.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Pre;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.security.Roles;
import dev.ordino.stock.CodeStock;
import dev.ordino.stock.DigitalOffering;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The back-office stock page: paste codes, preview new / duplicate / invalid, then save; and the buyer's order page shows the codes. */
class StockViewTest extends KaribuTest {

    @Autowired
    DigitalOffering digital;
    @Autowired
    CodeStock stock;
    @Autowired
    OrderService orders;
    @Autowired
    Actors actors;

    @Test
    void staffPreviewAnUploadThenSaveItAndTheCountsFollow() {
        OfferingView card = digital.withCodes(0, WhenOutOfStock.WAIT);
        actors.asAdmin(() -> stock.upload(card.id(), List.of("OLD-CODE-1"), false, Actors.ADMIN_EMAIL));
        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/stock");
        StockView view = _get(StockView.class);
        view.offering.setValue(view.offering.getListDataView().getItems().filter(o -> o.id() == card.id()).findFirst().orElseThrow());
        assertThat(view.counts.getText()).contains("Available 1");

        view.lines.setValue("NEW-CODE-1\nOLD-CODE-1\nNEW-CODE-1\n\nNEW-CODE-2\n");
        assertThat(view.save.isEnabled()).isFalse();
        view.preview.click();
        assertThat(view.report.getText()).contains("Preview: 2 new, 2 duplicate, 1 invalid.", "Duplicate lines: 2, 3.",
                "Invalid lines: 4 (empty).");
        assertThat(actors.asAdmin(() -> stock.counts(card.id())).available()).as("nothing saved by a preview").isEqualTo(1);

        view.save.click();
        assertThat(view.report.getText()).contains("Saved: 2 new");
        assertThat(view.counts.getText()).contains("Available 3");
        assertThat(actors.asAdmin(() -> stock.counts(card.id())).available()).isEqualTo(3);
    }

    @Test
    void theBuyerSeesTheCodesOnTheOrderPageAndAnotherCustomerFindsNoSuchPage() {
        OfferingView card = digital.withCodes(5, WhenOutOfStock.WAIT);
        AccountSummary buyer = actors.customerWith("20.00");
        long orderId = actors.as(buyer, () -> orders.place(buyer.id(), buyer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 5L, null, null)), "wallet"), null)).order().id();
        List<String> codes = actors.as(buyer, () -> orders.myCodes(buyer.id(), orderId)).values().iterator().next();

        signIn(buyer);
        UI.getCurrent().navigate("orders/" + orderId);
        assertThat(_get(Pre.class, spec -> spec.withClasses("order-item-codes")).getText().lines().toList())
                .containsExactlyElementsOf(codes);

        AccountSummary other = actors.customerWith("0");
        signIn(other);
        UI.getCurrent().navigate("orders/" + orderId);
        assertThat(_find(Pre.class, spec -> spec.withClasses("order-item-codes")))
                .isEmpty();
    }
}
