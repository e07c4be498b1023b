package dev.ordino.ordering.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderFilter;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/** The back office start page: what needs attention and today's figures, with the way to each section. */
@Route(value = "admin", layout = AdminLayout.class)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    public DashboardView(OrderAdminService orders, StoreCurrency currency, Clock clock) {
        addClassName("ordino-page");
        setPadding(false);
        long waiting = orders.count(new OrderFilter(Set.of(OrderStatus.PENDING, OrderStatus.CONFIRMED), null, null, null, null, null));
        var today = orders.takingsSince(LocalDate.now(clock).atStartOfDay().toInstant(ZoneOffset.UTC));
        FlexLayout figures = new FlexLayout(
                figure("dashboard-waiting", getTranslation("admin.dashboard.waiting"), Long.toString(waiting), "admin/orders"),
                figure("dashboard-orders-today", getTranslation("admin.dashboard.orders-today"), Long.toString(today.orders()), "admin/orders"),
                figure("dashboard-takings-today", getTranslation("admin.dashboard.takings-today"), currency.display(today.amount()), "admin/orders"));
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-m)");

        Div links = new Div();
        links.addClassName("ordino-card");
        for (String[] link : new String[][]{{"admin/orders", "admin.orders.title"}, {"admin/catalog", "admin.catalog.title"},
                {"admin/users", "admin.users.title"}, {"admin/settings", "admin.settings.title"}, {"admin/plugins", "admin.plugins.title"}}) {
            Anchor anchor = new Anchor(link[0], getTranslation(link[1]));
            anchor.getStyle().set("display", "block").set("padding", "var(--lumo-space-xs) 0");
            links.add(anchor);
        }
        add(figures, links);
    }

    private Div figure(String id, String label, String value, String href) {
        Span number = new Span(value);
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700").set("display", "block");
        Div card = new Div(number, new Anchor(href, label));
        card.addClassName("ordino-card");
        card.getStyle().set("min-width", "12rem").set("flex", "1 1 12rem");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.dashboard.title") + " · " + getTranslation("app.name");
    }
}
