package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingView;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderReports;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.ProviderCosts;
import dev.ordino.security.Roles;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

class BackOfficeViewsTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService desk;
    @Autowired
    OrderReports reports;
    @Autowired
    ProviderCosts providerCosts;
    @Autowired
    CatalogService catalog;
    @Autowired
    FakeSmmPanelAccess panels;
    @Autowired
    StoreCurrency currency;
    @Autowired
    JdbcClient jdbc;

    private OfferingView offering(String name) {
        return catalog.offerings(new OfferingFilter(null, null, name, false), Pageable.ofSize(5)).getContent().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private OrderView place(AccountSummary customer, long offeringId, long quantity, String link) {
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(offeringId, quantity, link, null)), "wallet"), null)).order();
    }

    private OrderReports.Day today(OrderReports.Figures figures) {
        return figures.days().getLast();
    }

    @Test
    void theDashboardCountsKnownOrdersTheirRevenueProviderCostAndMargin() throws Exception {
        try (FakeSmmPanelAccess.Panel panel = panels.panel("1", "IG Followers", false)) {
            long provider = panels.provider(panel, "Dashboard panel " + UUID.randomUUID());
            long mapped = panels.importOne(provider, "1"); // 1.00 per 1000 at the provider, sold with a 50 % markup
            AccountSummary customer = actors.customerWith("20.00");
            OrderReports.Figures before = actors.asAdmin(() -> reports.lastDays(30));

            OrderView small = place(customer, offering("TikTok Followers").id(), 100, "https://www.tiktok.com/@dash");
            OrderView big = place(customer, mapped, 1000, "https://www.instagram.com/dash");
            OrderView turnedDown = place(customer, offering("TikTok Likes").id(), 100, "https://www.tiktok.com/@dash");
            actors.asAdmin(() -> desk.changeStatus(turnedDown.id(), OrderStatus.REJECTED, "Private account", "staff@ordino"));
            panels.waitForState(big.id(), "open");

            BigDecimal bigCost = actors.asAdmin(() -> providerCosts.ofOrders(List.of(big.id(), small.id()))).get(big.id());
            assertThat(bigCost).as("1000 at 1.00 per 1000").isEqualByComparingTo("1.00");
            OrderReports.Figures after = actors.asAdmin(() -> reports.lastDays(30));
            assertThat(after.days()).hasSize(30);
            assertThat(after.to()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
            assertThat(after.orders() - before.orders()).isEqualTo(3);
            assertThat(today(after).orders() - today(before).orders()).isEqualTo(3);
            BigDecimal paidAndKept = small.total().add(big.total()); // the rejected order's money went back to the wallet
            assertThat(big.total()).isEqualByComparingTo("1.50");
            assertThat(after.revenue().subtract(before.revenue())).isEqualByComparingTo(paidAndKept);
            assertThat(today(after).revenue().subtract(today(before).revenue())).isEqualByComparingTo(paidAndKept);
            assertThat(after.providerCost().subtract(before.providerCost())).isEqualByComparingTo("1.00");
            assertThat(after.grossMargin().subtract(before.grossMargin())).isEqualByComparingTo(paidAndKept.subtract(new BigDecimal("1.00")));
            assertThat(after.byStatus().getOrDefault(OrderStatus.REJECTED, 0L) - before.byStatus().getOrDefault(OrderStatus.REJECTED, 0L))
                    .isEqualTo(1);
            List<OrderReports.TopOffering> top = after.topOfferings();
            assertThat(top).hasSizeLessThanOrEqualTo(5)
                    .isSortedAccordingTo(Comparator.comparing(OrderReports.TopOffering::revenue).reversed());
            // Other tests sell in the same database: the new line is among the top five when its name's sales reach them.
            BigDecimal named = jdbc.sql("SELECT COALESCE(SUM(i.line_total), 0) FROM order_item i JOIN customer_order o "
                    + "ON o.id = i.order_id WHERE i.name = 'IG Followers' AND o.payment_status IN ('paid', 'partially_refunded')")
                    .query(BigDecimal.class).single();
            if (top.size() < 5 || named.compareTo(top.getLast().revenue()) > 0) {
                assertThat(top).extracting(OrderReports.TopOffering::name).contains("IG Followers");
            }

            signIn("staff@example.com", Roles.STAFF);
            UI.getCurrent().navigate("admin");
            DashboardView dashboard = _get(DashboardView.class);
            assertThat(_get(dashboard, Span.class, spec -> spec.withId("dashboard-revenue")).getText())
                    .isEqualTo(currency.display(dashboard.figures.revenue()));
            assertThat(_get(dashboard, Span.class, spec -> spec.withId("dashboard-margin")).getText())
                    .isEqualTo(currency.display(dashboard.figures.grossMargin()));
            assertThat(_get(dashboard, Image.class, spec -> spec.withId("dashboard-chart")).getSrc()).startsWith("data:image/svg+xml;base64,");
            assertThat(RevenueChart.svg(after.days(), Locale.ENGLISH, "Revenue", "Orders")).contains("<rect").contains("<path");

            // The orders grid: found by link, with the provider's cost and the margin of each order.
            UI.getCurrent().navigate("admin/orders");
            OrdersAdminView view = _get(OrdersAdminView.class);
            view.search.setValue("instagram.com/dash");
            List<OrderView> found = GridKt._findAll(view.grid);
            assertThat(found).extracting(OrderView::id).containsExactly(big.id());
            assertThat(view.cost(found.getFirst())).isEqualByComparingTo("1.00");
            assertThat(view.margin(found.getFirst())).isEqualByComparingTo("0.50");
            view.search.setValue(small.number());
            assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(small.id());
            view.search.setValue(customer.email());
            assertThat(GridKt._findAll(view.grid)).extracting(OrderView::id).containsExactly(turnedDown.id(), big.id(), small.id());
        }
    }

    @Test
    void aBulkChangeAsksFirstAndSaysWhichOrdersWereRefusedAndWhy() {
        AccountSummary customer = actors.customerWith("5.00");
        OrderView open = place(customer, offering("TikTok Followers").id(), 100, "https://www.tiktok.com/@bulk");
        OrderView closed = place(customer, offering("TikTok Followers").id(), 100, "https://www.tiktok.com/@bulk");
        actors.asAdmin(() -> desk.changeStatus(closed.id(), OrderStatus.REJECTED, "Private account", "staff@ordino"));

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/orders");
        OrdersAdminView view = _get(OrdersAdminView.class);
        view.search.setValue(customer.email());
        GridKt._findAll(view.grid).forEach(view.grid::select);
        view.bulkStatus.setValue(OrderStatus.CANCELLED);
        view.bulkApply.click();

        ConfirmDialog sure = _get(ConfirmDialog.class, spec -> spec.withId("bulk-confirm"));
        assertThat(actors.asAdmin(() -> desk.order(open.id())).status()).as("nothing changes before the answer").isEqualTo(OrderStatus.PENDING);
        ConfirmDialogKt._fireConfirm(sure);

        assertThat(actors.asAdmin(() -> desk.order(open.id())).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(actors.asAdmin(() -> desk.order(closed.id())).status()).isEqualTo(OrderStatus.REJECTED);
        ConfirmDialog report = _get(ConfirmDialog.class, spec -> spec.withId("bulk-report"));
        assertThat(report.getElement().getProperty("header")).isEqualTo("1 changed, 1 refused");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("bulk-refusals")).getElement().getTextRecursively())
                .isEqualTo(closed.number() + ": An order that is rejected cannot become cancelled.");
    }
}
