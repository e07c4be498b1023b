package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategoryForm;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.Platform;
import dev.ordino.ordering.MyOrdersFilter;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.security.ui.LoginView;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The storefront as a customer uses it: the New order page, an offering's own page, the cart, My orders. */
class StorefrontViewsTest extends KaribuTest {

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
    JdbcClient jdbc;

    /** A service of its own, so figures measured on its orders are this test's alone. */
    private OfferingView freshService(String delivery) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return actors.asAdmin(() -> {
            CategorySummary category = catalog.saveCategory(new CategoryForm(null, "Instagram Saves " + run, null,
                    Platform.INSTAGRAM, 900, true));
            return catalog.saveOffering(OfferingForm.perUnit(null, category.id(), OfferingKind.SERVICE, "Instagram Saves " + run,
                    "Saves on a post from active accounts.", new BigDecimal("0.25"), 100, 100L, 50_000L, delivery, 30, true,
                    null, null, true));
        });
    }

    private OrderView place(AccountSummary customer, OfferingView offering, long quantity, String link) {
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offering.id(), quantity, link, null)), "wallet"), null)).order();
    }

    @Test
    void theNewOrderPagePicksACategoryThenAServiceAndOrdersIt() {
        OfferingView saves = freshService("0-2 hours");
        AccountSummary customer = actors.customerWith("10.00");
        signIn(customer);
        UI.getCurrent().navigate("new-order");
        NewOrderView page = _get(NewOrderView.class);
        assertThat(page.service.isEnabled()).as("a service is picked inside a category").isFalse();

        page.category.setValue(page.category.getListDataView().getItems().filter(c -> c.id() == saves.categoryId())
                .findFirst().orElseThrow());
        assertThat(page.service.getListDataView().getItems()).extracting(OfferingView::id).containsExactly(saves.id());
        page.service.setValue(saves);
        assertThat(page.details.getElement().getTextRecursively())
                .contains("Saves on a post from active accounts.", "2.50 USD per 1000", "min 100, max 50,000");
        assertThat(page.form.total.getText()).isEqualTo("0.25 USD");
        assertThat(page.form.balanceText.getText()).isEqualTo("Your balance: 10.00 USD");
        page.form.quantity.setValue(new BigDecimal("2000"));
        assertThat(page.form.total.getText()).isEqualTo("5.00 USD");
        page.form.link.setValue("https://www.instagram.com/p/abc");
        page.form.orderNow();

        OrderDetailView order = _get(OrderDetailView.class);
        assertThat(order.items.getElement().getTextRecursively()).contains("2,000 × " + saves.name(), "https://www.instagram.com/p/abc");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("5.00");
    }

    @Test
    void aVisitorIsAskedToSignInAndComesBackToTheSameService() {
        OfferingView saves = freshService("0-2 hours");
        UI.getCurrent().navigate("new-order", QueryParameters.of("service", String.valueOf(saves.id())));
        NewOrderView page = _get(NewOrderView.class);
        assertThat(page.service.getValue().id()).isEqualTo(saves.id());
        assertThat(page.form.signIn.isVisible()).isTrue();
        assertThat(page.form.orderNow.getParent()).as("no order button for visitors").isEmpty();

        page.form.signIn.click();
        _get(LoginView.class);
        assertThat(UI.getCurrent().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("login?continue=new-order%3Fservice%3D" + saves.id());
        // Where Vaadin's sign-in success handler sends the browser once the password is accepted.
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE))
                .isEqualTo("/new-order?service=" + saves.id());
    }

    @Test
    void aVisitorOrderingFromTheCatalogSignsInAndComesBackToThatService() {
        OfferingView saves = freshService("0-2 hours");
        UI.getCurrent().navigate("");
        OrderDialog dialog = _get(ShopView.class).openOrder(saves);
        dialog.form.signIn.click();
        _get(LoginView.class);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE))
                .isEqualTo("/s/" + saves.id() + "-" + saves.slug());
    }

    @Test
    void theOfferingPageShowsItsFactsAndAWrongNameInTheAddressIsCorrected() {
        OfferingView saves = freshService("0-2 hours");
        signIn(actors.customerWith("1.00"));
        UI.getCurrent().navigate("s/" + saves.id() + "-old-name");
        OfferingPage page = _get(OfferingPage.class);
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("s/" + saves.id() + "-" + saves.slug());
        assertThat(page.title.getText()).isEqualTo(saves.name());
        assertThat(page.getElement().getTextRecursively()).contains("2.50 USD per 1000", "Saves on a post from active accounts.");
        String facts = page.facts.getElement().getTextRecursively();
        assertThat(facts).contains("Minimum order", "100", "Maximum order", "50,000", "30 days",
                "0-2 hours (as stated; no completed orders yet)", "You can ask to stop it while it runs");
        assertThat(page.form.quantity.getValue()).isEqualByComparingTo("100");
        assertThat(page.form.total.getText()).isEqualTo("0.25 USD");
    }

    @Test
    void theOfferingPageMeasuresTheAverageCompletionTimeOnCompletedOrders() {
        OfferingView saves = freshService("0-2 hours");
        AccountSummary customer = actors.customerWith("5.00");
        for (int hours : new int[] {2, 4}) {
            OrderView order = place(customer, saves, 100, "https://www.instagram.com/p/x");
            actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.COMPLETED, "Delivered", "staff@ordino"));
            // As if it had been paid that long before it was completed.
            jdbc.sql("UPDATE customer_order o JOIN order_timeline t ON t.order_id = o.id AND t.to_status = 'completed' "
                    + "SET o.paid_at = t.at - INTERVAL ? HOUR WHERE o.id = ?").param(hours).param(order.id()).update();
        }
        place(customer, saves, 100, "https://www.instagram.com/p/still-running"); // not completed: not counted

        UI.getCurrent().navigate("s/" + saves.id() + "-" + saves.slug());
        OfferingPage page = _get(OfferingPage.class);
        assertThat(_get(page.facts, Span.class, spec -> spec.withId("offering-completion")).getText())
                .isEqualTo("3 hours (measured on completed orders)");
        assertThat(page.form.signIn.isVisible()).as("a visitor").isTrue();
    }

    @Test
    void theCartBelongsToTheAccountAndIsThereInANewSession() {
        OfferingView saves = freshService("0-2 hours");
        AccountSummary customer = actors.customerWith("10.00");
        signIn(customer);
        UI.getCurrent().navigate("s/" + saves.id() + "-" + saves.slug());
        OrderForm form = _get(OfferingPage.class).form;
        form.quantity.setValue(new BigDecimal("1000"));
        form.link.setValue("https://www.instagram.com/p/kept-for-later");
        form.addToCart();

        // Signed out, the browser closed; later, on another device: a new session of the same account.
        MockVaadin.tearDown();
        setUpVaadin();
        signIn(customer);
        UI.getCurrent().navigate("cart");
        CartView cart = _get(CartView.class);
        assertThat(cart.lines.getElement().getTextRecursively())
                .contains("1,000 × ", saves.name(), "https://www.instagram.com/p/kept-for-later", "2.50 USD");
        assertThat(cart.checkout.getText()).isEqualTo("Pay 2.50 USD from wallet");
        cart.checkout.click();
        cart.checkout.click(); // a double click places one order
        _get(OrderDetailView.class);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("7.50");

        UI.getCurrent().navigate("cart");
        assertThat(_get(CartView.class).lines.getElement().getTextRecursively()).contains("Your cart is empty.");
    }

    @Test
    void myOrdersHasStatusTabsAndFindsAnOrderByNumberOrLink() {
        OfferingView saves = freshService("0-2 hours");
        AccountSummary customer = actors.customerWith("10.00");
        OrderView running = place(customer, saves, 100, "https://www.instagram.com/p/running-post");
        OrderView done = place(customer, saves, 100, "https://www.instagram.com/p/finished-post");
        OrderView cancelled = place(customer, saves, 100, "https://www.instagram.com/p/cancelled-post");
        actors.asAdmin(() -> desk.changeStatus(done.id(), OrderStatus.COMPLETED, "Delivered", "staff@ordino"));
        actors.as(customer, () -> orders.cancel(customer.id(), cancelled.id(), customer.email()));

        signIn(customer);
        UI.getCurrent().navigate("orders");
        MyOrdersView view = _get(MyOrdersView.class);
        assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(cancelled.id(), done.id(), running.id());
        view.select(MyOrdersFilter.Tab.ACTIVE);
        view = _get(MyOrdersView.class);
        assertThat(UI.getCurrent().getActiveViewLocation().getPathWithQueryParameters()).isEqualTo("orders?tab=active");
        assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(running.id());
        view.select(MyOrdersFilter.Tab.COMPLETED);
        assertThat(GridKt._findAll(_get(MyOrdersView.class).grid)).extracting(OrderView::id).containsExactly(done.id());
        view.select(MyOrdersFilter.Tab.CANCELLED);
        assertThat(GridKt._findAll(_get(MyOrdersView.class).grid)).extracting(OrderView::id).containsExactly(cancelled.id());

        UI.getCurrent().navigate("orders", QueryParameters.of("q", "finished-POST"));
        assertThat(GridKt._findAll(_get(MyOrdersView.class).grid)).extracting(OrderView::id).containsExactly(done.id());
        _get(MyOrdersView.class).search.setValue(running.number());
        assertThat(GridKt._findAll(_get(MyOrdersView.class).grid)).extracting(OrderView::id).containsExactly(running.id());
        _get(MyOrdersView.class).search.setValue("nothing-like-this");
        assertThat(GridKt._findAll(_get(MyOrdersView.class).grid)).isEmpty();
    }

    @Test
    void theOrderPageShowsAStepperAndEachItemsOwnProgress() {
        OfferingView saves = freshService("0-2 hours");
        AccountSummary customer = actors.customerWith("10.00");
        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(saves.id(), 100L, "https://www.instagram.com/p/" + "a".repeat(120), null),
                new PlaceOrder.Line(saves.id(), 200L, "https://www.instagram.com/p/second", null)), "wallet"), null)).order();
        actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.PROCESSING, "Started", "staff@ordino"));

        // The provider reported the second line half done (as the status sync writes it).
        jdbc.sql("UPDATE order_item SET start_count = 10, remains = 100 WHERE order_id = ? AND position = 2").param(order.id()).update();
        signIn(customer);
        UI.getCurrent().navigate("orders/" + order.id());
        OrderDetailView page = _get(OrderDetailView.class);
        assertThat(page.stepper.getChildren().map(c -> c.getElement().getAttribute("data-state") + ":" + c.getElement().getTextRecursively()))
                .containsExactly("done:Placed", "done:Paid", "current:Started", "todo:Completed");
        assertThat(page.items.getChildren().filter(c -> c.hasClassName("order-item")).count()).isEqualTo(2);
        assertThat(page.items.getChildren().filter(c -> c.hasClassName("order-item"))
                .map(c -> c.getElement().getAttribute("data-status"))).containsOnly("processing");
        assertThat(page.items.getElement().getTextRecursively()).contains("Processing", "https://www.instagram.com/p/second",
                "100 of 200 delivered");
        assertThat(_find(page.items, ProgressBar.class)).singleElement()
                .satisfies(bar -> assertThat(bar.getValue()).isEqualTo(100));

        // Staff act from their own session: another thread, as in a running app.
        CompletableFuture.supplyAsync(() -> actors.asAdmin(() ->
                desk.changeStatus(order.id(), OrderStatus.CANCELLED, "Private account", "staff@ordino"))).join();
        page.reload();
        assertThat(page.stepper.getChildren().map(c -> c.getElement().getAttribute("data-state") + ":" + c.getElement().getTextRecursively()))
                .containsExactly("done:Placed", "done:Paid", "stopped:Cancelled");
    }
}
