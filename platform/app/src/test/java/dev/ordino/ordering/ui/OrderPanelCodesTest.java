package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.security.Roles;
import dev.ordino.stock.DigitalOffering;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staff see an order's delivered codes masked; revealing one shows it in full and leaves a line in the audit log. */
class OrderPanelCodesTest extends KaribuTest {

    @Autowired
    DigitalOffering digital;
    @Autowired
    OrderService orders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Actors actors;

    @Test
    void staffSeeTheCodeMaskedAndRevealingItIsAudited() {
        OfferingView card = digital.withCodes(3, WhenOutOfStock.WAIT);
        AccountSummary buyer = actors.customerWith("20.00");
        long orderId = actors.as(buyer, () -> orders.place(buyer.id(), buyer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 1L, null, null)), "wallet"), null)).order().id();
        String code = actors.as(buyer, () -> orders.myCodes(buyer.id(), orderId)).values().iterator().next().getFirst();

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/orders");
        OrderPanel panel = _get(OrdersAdminView.class).panel;
        panel.show(orderId);

        assertThat(panel.codes.isVisible()).isTrue();
        Button reveal = _get(panel.codes, Button.class);
        long codeId = Long.parseLong(reveal.getId().orElseThrow().substring("reveal-code-".length()));
        Span shown = _get(panel.codes, Span.class, spec -> spec.withId("code-" + codeId));
        assertThat(shown.getText()).doesNotContain(code.substring(0, code.length() - 4)).endsWith(code.substring(code.length() - 4));
        assertThat(revealsOf(codeId)).as("seeing the order reveals nothing").isEmpty();

        reveal.click();

        assertThat(shown.getText()).isEqualTo(code);
        assertThat(revealsOf(codeId)).containsExactly("staff@example.com order:" + orderId);
    }

    /** Read straight from the audit log's table: the signed-in staff member may not read the log itself. */
    private List<String> revealsOf(long codeId) {
        return jdbc.sql("SELECT CONCAT(actor, ' ', detail) FROM audit_log WHERE action = 'code_revealed' AND target = ?")
                .param("code:" + codeId).query(String.class).list();
    }

    @Test
    void aDigitalLineRefundedForLackOfCodesShowsNoCodes() {
        AccountSummary buyer = actors.customerWith("20.00");
        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/orders");
        OrderPanel panel = _get(OrdersAdminView.class).panel;
        OfferingView card = digital.withCodes(0, WhenOutOfStock.REFUND);
        long refunded = actors.as(buyer, () -> orders.place(buyer.id(), buyer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 1L, null, null)), "wallet"), null)).order().id();
        panel.show(refunded);
        assertThat(panel.codes.isVisible()).as("out of stock and refunded: nothing was handed over").isFalse();
    }
}
