package dev.ordino.ordering.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.ordering.MyOrdersFilter;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's orders, newest first: tabs by status (all, active, completed, cancelled), a
 * search by order number or link, one card-like row per order. Tab and search live in the address
 * ({@code /orders?tab=active&q=ORD-0042}).
 */
@Route(value = "orders", layout = MainLayout.class)
@PermitAll
public class MyOrdersView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<OrderView> grid = new Grid<>();
    final Tabs tabs = new Tabs();
    final TextField search = new TextField();
    private final Map<MyOrdersFilter.Tab, Tab> tabOf = new EnumMap<>(MyOrdersFilter.Tab.class);
    private MyOrdersFilter.Tab tab = MyOrdersFilter.Tab.ALL;

    public MyOrdersView(OrderService orders, CurrentUser currentUser, StoreCurrency currency) {
        addClassNames("ordino-page", "ordino-my-orders");
        setPadding(false);
        long customer = currentUser.requireId();
        DateTimeFormatter when = ReaderFormat.dateTimes(this, FormatStyle.SHORT);
        for (MyOrdersFilter.Tab t : MyOrdersFilter.Tab.values()) {
            Tab item = new Tab(getTranslation("orders.tab." + t.key()));
            item.setId("orders-tab-" + t.key());
            tabOf.put(t, item);
            tabs.add(item);
        }
        tabs.setId("orders-tabs");
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            if (e.isFromClient()) {
                select(tabOf.entrySet().stream().filter(t -> t.getValue() == e.getSelectedTab()).findFirst()
                        .map(Map.Entry::getKey).orElse(MyOrdersFilter.Tab.ALL));
            }
        });
        search.setId("orders-search");
        search.setPlaceholder(getTranslation("orders.search"));
        search.setAriaLabel(getTranslation("orders.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UI.getCurrent().getPage().getHistory().replaceState(null, location());
            }
            grid.getDataProvider().refreshAll();
        });

        grid.setId("my-orders");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        // One card-like row per order: number, what, badge and total fit a phone's width.
        grid.addColumn(new ComponentRenderer<>(o -> {
            Span number = new Span(o.number());
            number.getStyle().set("font-weight", "600");
            Span total = new Span(Prices.amount(this, currency, o.total()));
            total.getStyle().set("font-weight", "600");
            Div top = new Div(number, StatusBadge.of(o.status()), total);
            top.addClassName("ordino-row-top");
            String what = o.items().size() == 1
                    ? Prices.count(this, o.items().getFirst().quantity()) + " × " + o.items().getFirst().name()
                    : getTranslation("orders.items", o.items().size());
            Div whatLine = new Div(what + " · " + when.format(o.createdAt()));
            whatLine.addClassName("ordino-muted");
            Div row = new Div(top, whatLine);
            if (o.items().size() == 1 && o.items().getFirst().link() != null) {
                Div link = new Div(o.items().getFirst().link());
                link.addClassNames("ordino-muted", "ordino-wrap");
                row.add(link);
            }
            return row;
        })).setKey("order");
        grid.setItemsPageable(pageable -> orders.myOrders(customer, new MyOrdersFilter(tab.statuses(), search.getValue()), pageable)
                .getContent());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("orders/" + e.getItem().id())));
        grid.setEmptyStateText(getTranslation("orders.empty"));
        grid.addClassName("ordino-orders-grid");
        add(new H2(getTranslation("orders.title")), tabs, search, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        String key = params.getOrDefault("tab", List.of("all")).getFirst();
        tab = Arrays.stream(MyOrdersFilter.Tab.values()).filter(t -> t.key().equals(key)).findFirst()
                .orElse(MyOrdersFilter.Tab.ALL);
        tabs.setSelectedTab(tabOf.get(tab));
        search.setValue(params.getOrDefault("q", List.of("")).getFirst());
        grid.getDataProvider().refreshAll();
    }

    /** Shows one tab, as a click on it does: a new history entry. */
    void select(MyOrdersFilter.Tab chosen) {
        tab = chosen;
        UI.getCurrent().navigate(MyOrdersView.class, QueryParameters.simple(query()));
    }

    private Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        if (tab != MyOrdersFilter.Tab.ALL) {
            query.put("tab", tab.key());
        }
        if (!search.getValue().isBlank()) {
            query.put("q", search.getValue().strip());
        }
        return query;
    }

    private String location() {
        Map<String, String> query = query();
        return query.isEmpty() ? "orders" : "orders?" + QueryParameters.simple(query).getQueryString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.title") + " · " + getTranslation("app.name");
    }
}
