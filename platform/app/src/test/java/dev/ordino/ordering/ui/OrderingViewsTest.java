package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.ui.NotFoundView;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingView;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.payment.FakeStripe;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.PaymentWebhooks;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrderingViewsTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    CatalogService catalog;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService desk;
    @Autowired
    WalletService wallet;
    @Autowired
    FakeSmmPanelAccess panels;

    private OfferingView offering(String name) {
        return catalog.offerings(new OfferingFilter(null, null, name, false), Pageable.ofSize(5)).getContent().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private OrderDialog openOrderForm(AccountSummary customer, String product) {
        signIn(customer);
        UI.getCurrent().navigate("");
        return _get(ShopView.class).openOrder(offering(product));
    }

    @Test
    void theOrderFormTotalFollowsTheQuantityAsTheCustomerTypes() {
        OrderDialog form = openOrderForm(actors.customerWith("10.00"), "TikTok Followers");
        assertThat(form.total.getText()).isEqualTo("0.50 USD");
        assertThat(form.balanceText.getText()).isEqualTo("Your balance: 10.00 USD");

        form.quantity.setValue(new BigDecimal("250"));
        assertThat(form.total.getText()).isEqualTo("1.25 USD");
        form.quantity.setValue(new BigDecimal("1000"));
        assertThat(form.total.getText()).isEqualTo("5.00 USD");
    }

    @Test
    void theOrderFormShowsFieldErrorsAndTheWayToTopUp() {
        AccountSummary customer = actors.customerWith("1.00");
        OrderDialog form = openOrderForm(customer, "TikTok Followers");

        form.quantity.setValue(new BigDecimal("50"));
        assertThat(form.quantity.isInvalid()).isTrue();
        assertThat(form.quantity.getErrorMessage()).isEqualTo("Enter a quantity from 100 to 100,000.");
        assertThat(form.total.getText()).isEqualTo("—");

        form.quantity.setValue(new BigDecimal("100"));
        form.link.setValue("https://instagram.com/not-tiktok");
        form.orderNow();
        assertThat(form.link.isInvalid()).isTrue();
        assertThat(form.link.getErrorMessage()).isEqualTo("Enter a link to a tiktok page, starting with https://");

        form.quantity.setValue(new BigDecimal("1000")); // 5.00 > 1.00
        assertThat(form.balanceProblem.isVisible()).isTrue();
        assertThat(form.balanceProblem.getElement().getTextRecursively()).contains("Not enough balance", "Go to your wallet");
        form.link.setValue("https://www.tiktok.com/@me");
        form.orderNow();
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("1.00");
    }

    @Test
    void aDripFeedServiceAsksForRunsAndAnIntervalAndItsTotalCoversEveryRun() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (var panel = panels.panel("D1", "Drip followers " + run, true)) {
            long offeringId = panels.importOne(panels.provider(panel, "Drip panel " + run), "D1"); // 1.50 per 1000
            AccountSummary customer = actors.customerWith("20.00");
            OrderDialog plain = openOrderForm(customer, "TikTok Followers");
            assertThat(plain.runs.isVisible()).as("only drip-feed services take runs").isFalse();
            assertThat(plain.interval.isVisible()).isFalse();
            plain.close();

            OrderDialog form = _get(ShopView.class).openOrder(catalog.offering(offeringId).orElseThrow());
            assertThat(form.runs.isVisible()).isTrue();
            assertThat(form.interval.isVisible()).isTrue();
            form.quantity.setValue(new BigDecimal("1000"));
            assertThat(form.total.getText()).isEqualTo("1.50 USD");

            form.runs.setValue(5);
            assertThat(form.total.getText()).as("runs need an interval").isEqualTo("—");
            assertThat(form.interval.isInvalid()).isTrue();
            form.interval.setValue(30);
            assertThat(form.interval.isInvalid()).isFalse();
            assertThat(form.total.getText()).isEqualTo("7.50 USD");
            form.quantity.setValue(new BigDecimal("2000"));
            assertThat(form.total.getText()).isEqualTo("15.00 USD");
            form.runs.setValue(1);
            assertThat(form.runs.isInvalid()).isTrue();
            assertThat(form.runs.getErrorMessage()).isEqualTo("Enter from 2 to 1,000 runs.");
            form.runs.setValue(5);

            form.link.setValue("https://www.instagram.com/ordino");
            form.orderNow();
            _get(OrderDetailView.class);
            long orderId = Long.parseLong(UI.getCurrent().getActiveViewLocation().getPath().substring("orders/".length()));
            assertThat(wallet.balance(customer.id())).isEqualByComparingTo("5.00");
            OrderView order = actors.as(customer, () -> orders.myOrder(customer.id(), orderId));
            assertThat(order.items().getFirst().extras()).containsEntry("runs", "5").containsEntry("interval", "30");
            panels.waitForState(orderId, "open");
        }
    }

    @Test
    void orderingFromTheFormPaysAndOpensTheOrder() {
        AccountSummary customer = actors.customerWith("10.00");
        OrderDialog form = openOrderForm(customer, "Instagram Followers");
        form.quantity.setValue(new BigDecimal("500"));
        form.link.setValue("https://www.instagram.com/ordino");
        form.orderNow();

        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(page.title.getText()).startsWith("Order ORD-");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("7.00");
    }

    @Test
    void theCartChecksOutSeveralItemsAsOneOrder() {
        AccountSummary customer = actors.customerWith("10.00");
        OrderDialog first = openOrderForm(customer, "TikTok Likes");
        first.link.setValue("https://www.tiktok.com/@a");
        first.addToCart();
        OrderDialog second = _get(ShopView.class).openOrder(offering("YouTube Views"));
        second.link.setValue("https://youtu.be/x");
        second.addToCart();

        UI.getCurrent().navigate("cart");
        CartView cart = _get(CartView.class);
        assertThat(cart.total.getText()).isEqualTo("Total 0.50 USD · your balance 10.00 USD");
        cart.checkout.click();
        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(_find(page.items, Div.class)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("9.50");
    }

    @Test
    void anOpenOrderPageChangesWhenStaffChangeTheOrder() throws Exception {
        AccountSummary customer = actors.customerWith("5.00");
        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering("TikTok Followers").id(), 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order();
        signIn(customer);
        UI.getCurrent().navigate("orders/" + order.id());
        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(page.status.getElement().getTextRecursively()).contains("Pending");
        assertThat(page.cancel.isVisible()).isTrue();

        // Staff act from their own session: another thread, as in a running app.
        CompletableFuture.supplyAsync(() -> actors.asAdmin(() ->
                desk.changeStatus(order.id(), OrderStatus.PROCESSING, "Sent to provider", "staff@ordino"))).get();
        // The update arrives from another thread, as a push would; let it through.
        for (int i = 0; i < 400 && !page.status.getElement().getTextRecursively().contains("Processing"); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }

        assertThat(page.status.getElement().getTextRecursively()).contains("Processing");
        assertThat(_find(page.timeline, ListItem.class)).hasSize(2);
        assertThat(page.cancel.isVisible()).isFalse();
    }

    @Test
    void aCustomerCannotOpenAnotherCustomersOrderPage() {
        AccountSummary alice = actors.customerWith("5.00");
        OrderView order = actors.as(alice, () -> orders.place(alice.id(), alice.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering("TikTok Followers").id(), 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order();
        AccountSummary bob = actors.customer();
        signIn(bob);
        UI.getCurrent().navigate("orders/" + order.id());
        assertThat(_find(OrderDetailView.class)).isEmpty();
        _get(NotFoundView.class);
    }

    @Test
    void theAdminOrdersGridFiltersByStatusPaymentAndCustomer() {
        AccountSummary customer = actors.customerWith("20.00");
        OrderView a = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering("TikTok Followers").id(), 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order();
        OrderView b = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering("TikTok Likes").id(), 100L, "https://www.tiktok.com/@x", null)), "wallet"), null)).order();
        actors.asAdmin(() -> desk.changeStatus(b.id(), OrderStatus.REJECTED, "Private account", "staff@ordino"));

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin");
        DashboardView dashboard = _get(DashboardView.class);
        assertThat(Long.parseLong(_get(dashboard, Span.class,
                spec -> spec.withId("dashboard-orders-today")).getText())).isGreaterThanOrEqualTo(2);
        assertThat(Long.parseLong(_get(dashboard, Span.class,
                spec -> spec.withId("dashboard-waiting")).getText())).isGreaterThanOrEqualTo(1);
        UI.getCurrent().navigate("admin/orders");
        OrdersAdminView view = _get(OrdersAdminView.class);
        view.customer.setValue(customer.email());
        assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(b.id(), a.id());
        assertThat(view.count.getText()).isEqualTo("2 orders");

        view.statuses.setValue(Set.of(OrderStatus.REJECTED));
        assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(b.id());
        view.statuses.clear();
        view.payment.setValue(PaymentStatus.PAID);
        assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(a.id());
        view.payment.clear();
        view.offering.setValue(offering("TikTok Likes"));
        assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(b.id());
        view.offering.clear();

        view.panel.show(a.id());
        view.panel.nextStatus.setValue(OrderStatus.COMPLETED);
        view.panel.reason.setValue("Done");
        view.panel.changeStatus();
        assertThat(actors.asAdmin(() -> desk.order(a.id())).status()).isEqualTo(OrderStatus.COMPLETED);
        OrderPanel.RefundDialog refund = view.panel.openRefund();
        refund.amount.setValue(new BigDecimal("0.60"));
        refund.submit();
        assertThat(refund.amount.isInvalid()).isTrue();
        assertThat(refund.amount.getErrorMessage()).isEqualTo("At most 0.50 USD can still be refunded.");
        refund.amount.setValue(new BigDecimal("0.20"));
        refund.submit();
        refund.submit(); // a double click books once
        // 20.00 − 0.50 − 0.50 + 0.50 (rejected b refunded) + 0.20 refunded once
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("19.70");
    }

    @Autowired
    GatewayInstances gateways;
    @Autowired
    PaymentWebhooks webhooks;

    @Test
    void theCartCanBePaidThroughAGatewayAndStaffRefundBackThroughIt() throws Exception {
        try (FakeStripe stripe = new FakeStripe()) {
            String name = "Card " + UUID.randomUUID();
            signIn("admin@example.com", Roles.ADMIN);
            long gateway = gateways.create(new GatewayInstances.GatewayForm(name, "payment-stripe", stripe.settings(),
                    true)).id();
            AccountSummary customer = actors.customerWith("0");
            OrderDialog form = openOrderForm(customer, "TikTok Likes");
            form.link.setValue("https://www.tiktok.com/@card");
            form.addToCart();
            UI.getCurrent().navigate("cart");
            CartView cart = _get(CartView.class);
            assertThat(cart.payWith.isVisible()).isTrue();
            cart.payWith.setValue(cart.payWith.getListDataView().getItems().filter(o -> o.name().equals(name)).findFirst().orElseThrow());
            cart.checkout.click();

            OrderDetailView page = _get(OrderDetailView.class);
            assertThat(page.payNow.isVisible()).as("how to pay").isTrue();
            assertThat(_get(page.payNow, Anchor.class).getHref()).startsWith(stripe.settings().get("apiBase"));
            long orderId = jdbc.sql("SELECT MAX(id) FROM customer_order WHERE customer_id = ?").param(customer.id()).query(Long.class).single();
            assertThat(wallet.balance(customer.id())).isEqualByComparingTo("0");

            String session = _get(page.payNow, Anchor.class).getHref().replaceAll(".*/pay/", "");
            stripe.paid(session);
            String event = stripe.event("evt_" + UUID.randomUUID(), "checkout.session.completed", session, null);
            assertThat(webhooks.handle(gateway, Map.of("stripe-signature", List.of(FakeStripe.sign(event))),
                    event.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
            // The customer's open page hears of the payment (push) and stops asking for it.
            for (int i = 0; i < 400 && page.payNow.isVisible(); i++) {
                Thread.sleep(50);
                MockVaadin.clientRoundtrip(false);
            }
            assertThat(page.payNow.isVisible()).isFalse();
            assertThat(page.status.getElement().getTextRecursively()).contains("Paid");

            signIn("admin@example.com", Roles.ADMIN);
            UI.getCurrent().navigate("admin/orders");
            OrdersAdminView view = _get(OrdersAdminView.class);
            view.panel.show(orderId);
            OrderPanel.RefundDialog refund = view.panel.openRefund();
            assertThat(refund.to.isVisible()).isTrue();
            refund.to.setValue("gateway");
            refund.amount.setValue(new BigDecimal("0.10"));
            refund.submit();
            refund.submit(); // a double click refunds once
            assertThat(stripe.count("POST /v1/refunds")).isEqualTo(1);
            assertThat(actors.asAdmin(() -> desk.order(orderId)).refundedAmount()).isEqualByComparingTo("0.10");
            assertThat(wallet.balance(customer.id())).as("back to the card, not the wallet").isEqualByComparingTo("0");
        }
    }

    @Autowired
    JdbcClient jdbc;
}
