package dev.ordino.ordering.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The customer's orders, newest first, with a coloured status badge; a click opens the order. */
@Route(value = "orders", layout = MainLayout.class)
@PermitAll
public class MyOrdersView extends VerticalLayout implements HasDynamicTitle {

    final Grid<OrderView> grid = new Grid<>();

    public MyOrdersView(OrderService orders, CurrentUser currentUser, StoreCurrency currency) {
        addClassName("ordino-page");
        setPadding(false);
        long customer = currentUser.requireId();
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
        grid.setId("my-orders");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // One card-like row per order: number, what, badge and total fit a phone's width.
        grid.addColumn(new ComponentRenderer<>(o -> {
            com.vaadin.flow.component.html.Span number = new com.vaadin.flow.component.html.Span(o.number());
            number.getStyle().set("font-weight", "600");
            com.vaadin.flow.component.html.Span total = new com.vaadin.flow.component.html.Span(currency.display(o.total()));
            total.getStyle().set("font-weight", "600");
            com.vaadin.flow.component.html.Div top = new com.vaadin.flow.component.html.Div(number, StatusBadge.of(o.status()), total);
            top.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "center")
                    .set("gap", "var(--lumo-space-s)");
            com.vaadin.flow.component.html.Div what = new com.vaadin.flow.component.html.Div((o.items().size() == 1
                    ? o.items().getFirst().quantity() + " × " + o.items().getFirst().name()
                    : getTranslation("orders.items", o.items().size())) + " · " + when.format(o.createdAt()));
            what.addClassName("ordino-muted");
            return new com.vaadin.flow.component.html.Div(top, what);
        })).setHeader(getTranslation("orders.title")).setKey("order");
        grid.setItemsPageable(pageable -> orders.myOrders(customer, pageable).getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("orders/" + e.getItem().id())));
        grid.setEmptyStateText(getTranslation("orders.empty"));
        grid.setHeight("70vh");
        add(new H2(getTranslation("orders.title")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.title") + " · " + getTranslation("app.name");
    }
}
