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
        grid.addColumn(OrderView::number).setHeader(getTranslation("orders.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> o.items().size() == 1 ? o.items().getFirst().name()
                : getTranslation("orders.items", o.items().size())).setHeader(getTranslation("orders.what"));
        grid.addColumn(new ComponentRenderer<>(o -> StatusBadge.of(o.status()))).setHeader(getTranslation("orders.status"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> currency.display(o.total())).setHeader(getTranslation("orders.total")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> when.format(o.createdAt())).setHeader(getTranslation("orders.date")).setAutoWidth(true).setFlexGrow(0);
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
