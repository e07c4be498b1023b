package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.ordering.FulfilmentChoice;
import dev.ordino.ordering.HandoverStatus;
import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.security.Roles;
import dev.ordino.store.StoreSettings;
import dev.ordino.store.StoreSettingsService;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HandoverViewsTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService desk;
    @Autowired
    Handovers handovers;
    @Autowired
    CatalogService catalog;
    @Autowired
    StoreSettingsService settings;
    @Autowired
    ProductOptions options;
    private StoreSettings storeBefore;

    /** A new lamp, three in stock, ordered once for pickup. */
    private OrderView pickupOrder(AccountSummary customer) {
        long accessories = catalog.categories(true).stream().filter(c -> c.slug().equals("accessories")).findFirst().orElseThrow().id();
        OfferingView lamp = actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, accessories, OfferingKind.PRODUCT,
                "Reading Lamp " + System.nanoTime(), null, new BigDecimal("8.00"), 1, 1L, 5L, null, 0, false, 3, null, true)));
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(lamp.id(), 1L, null, null)), "wallet", FulfilmentChoice.pickup()), null)).order();
    }

    @Test
    void staffAcceptInTheOrderPanelAndTheCustomerSeesTheBookingCodeAndItsQrCode() {
        AccountSummary customer = actors.customerWith("20.00");
        OrderView order = pickupOrder(customer);

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/orders");
        OrdersAdminView orders = _get(OrdersAdminView.class);
        orders.panel.show(order.id());
        ButtonKt._click(_get(orders.panel, Button.class, spec -> spec.withId("handover-accept")));
        assertThat(actors.asAdmin(() -> desk.order(order.id())).status()).isEqualTo(OrderStatus.CONFIRMED);
        ButtonKt._click(_get(orders.panel, Button.class, spec -> spec.withId("handover-ready")));
        assertThat(actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().status()).isEqualTo(HandoverStatus.READY);

        String code = actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().bookingCode();
        signIn(customer);
        UI.getCurrent().navigate("orders/" + order.id());
        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(_get(page, Span.class, spec -> spec.withId("booking-code")).getText()).isEqualTo(code);
        assertThat(_get(page.handover, Image.class, spec -> {}).getSrc()).startsWith("data:image/png;base64,");
        assertThat(_get(page, Span.class, spec -> spec.withId("fulfilment-status")).getText()).isEqualTo("Ready for pickup");
    }

    @Test
    void staffSeeTheDeliveryAddressAndMarkTheOrderSentThenDelivered() {
        AccountSummary customer = actors.customerWith("40.00");
        OrderView pickup = pickupOrder(customer);
        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(pickup.items().getFirst().productId(), 1L, null, null)), "wallet",
                FulfilmentChoice.delivery("7 Harbour Road, Flat 2", "+62 811 000 111")), null)).order();

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/orders");
        OrdersAdminView view = _get(OrdersAdminView.class);
        view.panel.show(order.id());
        assertThat(_get(view.panel, Div.class, spec -> spec.withId("order-panel-address")).getText())
                .contains("7 Harbour Road, Flat 2").contains("+62 811 000 111");
        ButtonKt._click(_get(view.panel, Button.class, spec -> spec.withId("handover-accept")));
        ButtonKt._click(_get(view.panel, Button.class, spec -> spec.withId("handover-sent")));
        ButtonKt._click(_get(view.panel, Button.class, spec -> spec.withId("handover-delivered")));
        assertThat(actors.asAdmin(() -> desk.order(order.id())).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().status()).isEqualTo(HandoverStatus.DELIVERED);
    }

    @Test
    void theHandOverPageTakesTheCodeFromTheQrAddressShowsTheOrderAndHandsItOverOnce() {
        AccountSummary customer = actors.customerWith("20.00");
        OrderView order = pickupOrder(customer);
        actors.asAdmin(() -> handovers.accept(order.id(), "staff@ordino"));
        String code = actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().bookingCode();

        signIn("customer@example.com", Roles.CUSTOMER);
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/handover/" + code)).as("for staff only")
                .isInstanceOf(MockAccessDeniedException.class);

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/handover/" + code);
        HandoverDeskView desk = _get(HandoverDeskView.class);
        assertThat(desk.code.getValue()).isEqualTo(code);
        assertThat(desk.found.isVisible()).isTrue();
        assertThat(desk.found.getElement().getTextRecursively()).contains(order.number()).contains("Reading Lamp");

        ButtonKt._click(desk.handOver);
        assertThat(desk.code.isInvalid()).as("not ready yet").isTrue();
        assertThat(desk.code.getErrorMessage()).isEqualTo("This order is not ready for pickup.");
        actors.asAdmin(() -> handovers.ready(order.id(), "staff@ordino"));

        ButtonKt._click(desk.handOver);
        assertThat(actors.asAdmin(() -> this.desk.order(order.id())).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(desk.found.getElement().getAttribute("data-status")).isEqualTo("completed");
        assertThat(desk.code.getValue()).as("cleared for the next customer").isEmpty();

        UI.getCurrent().navigate("admin/handover");
        HandoverDeskView typed = _get(HandoverDeskView.class);
        assertThat(typed.code.getValue()).isEmpty();
        typed.code.setValue(code.toLowerCase());
        ButtonKt._click(typed.handOver);
        assertThat(typed.code.getErrorMessage()).as("a booking code is used once").isEqualTo("This order was already handed over.");
    }

    @Test
    void theCustomerReachesTheSellerAndRatesACompletedOrderOnce() {
        StoreSettings before = settings.current();
        storeBefore = before;
        actors.asAdmin(() -> settings.save(new StoreSettings(before.shopName(), "+62 21 555 0101", "https://t.me/ordino_shop",
                before.defaultLanguage(), before.topUpMin(), before.topUpMax(), before.defaultMarkupPercent())));
        AccountSummary customer = actors.customerWith("20.00");
        OrderView order = pickupOrder(customer);
        actors.asAdmin(() -> handovers.accept(order.id(), "staff@ordino"));
        actors.asAdmin(() -> handovers.ready(order.id(), "staff@ordino"));
        String code = actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().bookingCode();
        actors.asAdmin(() -> handovers.handOver(code, "staff@ordino"));

        signIn(customer);
        UI.getCurrent().navigate("orders/" + order.id());
        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(_get(page, Anchor.class, spec -> spec.withId("contact-phone")).getHref()).isEqualTo("tel:+62215550101");
        assertThat(_get(page, Anchor.class, spec -> spec.withId("contact-telegram")).getHref()).isEqualTo("https://t.me/ordino_shop");
        assertThat(page.handover.rating.isVisible()).isTrue();
        page.handover.stars.setValue(4);
        page.handover.comment.setValue("Sturdy");
        ButtonKt._click(page.handover.rate);
        assertThat(page.handover.rating.getElement().getTextRecursively()).contains("Your rating: ★★★★").contains("Sturdy");
        assertThat(page.handover.rating.getChildren().anyMatch(c -> c == page.handover.rate)).as("rated once").isFalse();
        assertThat(options.rating(order.items().getFirst().productId()).count()).isEqualTo(1);
    }

    @AfterEach
    void restoreStoreSettings() {
        if (storeBefore != null) {
            signIn("admin@example.com", Roles.ADMIN);
            settings.save(storeBefore);
        }
    }
}
