package dev.ordino.ordering.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderFilter;
import dev.ordino.ordering.OrderReports;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PaymentsOverview;
import dev.ordino.ordering.ProviderCosts;
import dev.ordino.security.Roles;
import dev.ordino.store.StoreSettingsService;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;

/**
 * The back office start page: what needs attention, the first-start checklist until it is done,
 * the last 30 days as a chart, orders by status, gross margin, best sellers, provider balances
 * and pending payments, each with the way to its section.
 */
@Route(value = "admin", layout = AdminLayout.class)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final int DAYS = 30;

    final OrderReports.Figures figures;

    public DashboardView(OrderAdminService orders, OrderReports reports, StoreCurrency currency, Clock clock,
                         ObjectProvider<ProviderCosts> providerCosts, ObjectProvider<PaymentsOverview> paymentsOverview,
                         StoreSettingsService store, Environment environment) {
        addClassName("ordino-page");
        setPadding(false);
        ProviderCosts providers = providerCosts.getIfAvailable();
        PaymentsOverview payments = paymentsOverview.getIfAvailable();
        List<ProviderCosts.Balance> balances = providers == null ? List.of() : providers.balances();
        PaymentsOverview.Pending pending = payments == null ? new PaymentsOverview.Pending(0, BigDecimal.ZERO, 0) : payments.pending();

        Div checklist = checklist(payments != null && payments.gatewayReady(), balances.stream().anyMatch(ProviderCosts.Balance::enabled),
                !store.shopName().equals(store.defaults().shopName()), environment.containsProperty("ordino.currency"), currency.code());

        long waiting = orders.count(new OrderFilter(Set.of(OrderStatus.PENDING, OrderStatus.CONFIRMED), null, null, null, null, null));
        var today = orders.takingsSince(LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC));
        figures = reports.lastDays(DAYS);
        FlexLayout numbers = new FlexLayout(
                figure("dashboard-waiting", getTranslation("admin.dashboard.waiting"), Long.toString(waiting), "admin/orders"),
                figure("dashboard-orders-today", getTranslation("admin.dashboard.orders-today"), Long.toString(today.orders()), "admin/orders"),
                figure("dashboard-takings-today", getTranslation("admin.dashboard.takings-today"), currency.display(today.amount()), "admin/orders"),
                figure("dashboard-revenue", getTranslation("admin.dashboard.revenue", DAYS), currency.display(figures.revenue()), "admin/orders"),
                figure("dashboard-margin", getTranslation("admin.dashboard.margin", DAYS), currency.display(figures.grossMargin()), "admin/orders"),
                figure("dashboard-pending-payments", getTranslation("admin.dashboard.pending-payments", pending.reportedPaid()),
                        pending.count() + " · " + currency.display(pending.amount()), "admin/payments"));
        numbers.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        numbers.getStyle().set("gap", "var(--lumo-space-m)");

        Image chart = new Image(RevenueChart.dataUrl(figures.days(), getLocale(), getTranslation("admin.dashboard.chart-revenue", currency.code()),
                getTranslation("admin.dashboard.chart-orders")), getTranslation("admin.dashboard.chart-alt", DAYS));
        chart.setId("dashboard-chart");
        chart.setWidthFull();
        Div chartCard = card(getTranslation("admin.dashboard.chart-title", DAYS), chart);

        FlexLayout details = new FlexLayout(byStatus(), topServices(currency), providerBalances(balances));
        details.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        details.getStyle().set("gap", "var(--lumo-space-m)");
        details.setWidthFull();
        add(checklist, numbers, chartCard, details);
    }

    private Div checklist(boolean gateway, boolean provider, boolean shopName, boolean currencySet, String currencyCode) {
        Div card = card(getTranslation("admin.dashboard.checklist"));
        card.setId("dashboard-checklist");
        card.add(step("gateway", gateway, getTranslation("admin.dashboard.step-gateway"), "admin/payments"),
                step("provider", provider, getTranslation("admin.dashboard.step-provider"), "admin/providers"),
                step("shop-name", shopName, getTranslation("admin.dashboard.step-shop-name"), "admin/settings"),
                step("currency", currencySet, getTranslation("admin.dashboard.step-currency", currencyCode), null));
        card.setVisible(!(gateway && provider && shopName && currencySet));
        return card;
    }

    private Div step(String id, boolean done, String text, String href) {
        var icon = (done ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
        icon.setSize("var(--lumo-icon-size-s)");
        icon.setColor(done ? "var(--lumo-success-color)" : "var(--lumo-contrast-50pct)");
        Component label = href == null || done ? new Span(text) : new Anchor(href, text);
        Div line = new Div(icon, new Span(" "), label);
        line.setId("step-" + id);
        line.getElement().setAttribute("data-done", Boolean.toString(done));
        line.getStyle().set("padding", "var(--lumo-space-xs) 0");
        return line;
    }

    private Div byStatus() {
        Div card = card(getTranslation("admin.dashboard.by-status", DAYS));
        card.setId("dashboard-by-status");
        if (figures.byStatus().isEmpty()) {
            card.add(new Span(getTranslation("admin.dashboard.nothing")));
        }
        figures.byStatus().forEach((status, n) -> {
            Div line = new Div(StatusBadge.of(status), new Span(" " + NumberFormat.getIntegerInstance(getLocale()).format(n)));
            line.getStyle().set("padding", "var(--lumo-space-xs) 0");
            card.add(line);
        });
        return card;
    }

    private Div topServices(StoreCurrency currency) {
        Div card = card(getTranslation("admin.dashboard.top-services", DAYS));
        card.setId("dashboard-top-services");
        if (figures.topOfferings().isEmpty()) {
            card.add(new Span(getTranslation("admin.dashboard.nothing")));
        }
        for (OrderReports.TopOffering top : figures.topOfferings()) {
            Div line = new Div(new Span(top.name()), new Span(getTranslation("admin.dashboard.top-line", top.orders(),
                    currency.display(top.revenue()))));
            line.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-m)")
                    .set("padding", "var(--lumo-space-xs) 0");
            card.add(line);
        }
        return card;
    }

    private Div providerBalances(List<ProviderCosts.Balance> balances) {
        Div card = card(getTranslation("admin.dashboard.provider-balances"));
        card.setId("dashboard-provider-balances");
        if (balances.isEmpty()) {
            card.add(new Anchor("admin/providers", getTranslation("admin.dashboard.step-provider")));
        }
        NumberFormat format = NumberFormat.getNumberInstance(getLocale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        for (ProviderCosts.Balance b : balances) {
            Span amount = new Span(b.balance() == null ? getTranslation("admin.dashboard.balance-unknown")
                    : format.format(b.balance()) + (b.currency() == null ? "" : " " + b.currency()));
            if (b.low()) {
                amount.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            }
            Div line = new Div(new Span(b.name() + (b.enabled() ? "" : " · " + getTranslation("admin.plugins.status.disabled"))), amount);
            line.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-m)")
                    .set("padding", "var(--lumo-space-xs) 0");
            card.add(line);
        }
        return card;
    }

    private Div card(String title, Component... content) {
        H3 heading = new H3(title);
        heading.getStyle().set("margin", "0 0 var(--lumo-space-s)").set("font-size", "var(--lumo-font-size-m)");
        Div card = new Div(heading);
        card.add(content);
        card.addClassName("ordino-card");
        card.getStyle().set("flex", "1 1 16rem").set("min-width", "0").set("box-sizing", "border-box").set("width", "100%");
        return card;
    }

    private Div figure(String id, String label, String value, String href) {
        Span number = new Span(value);
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "700").set("display", "block");
        Div card = new Div(number, new Anchor(href, label));
        card.addClassName("ordino-card");
        card.getStyle().set("min-width", "10rem").set("flex", "1 1 10rem");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.dashboard.title");
    }
}
