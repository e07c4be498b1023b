package dev.ordino.ordering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderFilter;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;

/**
 * Staff's orders grid: filters, sorting, lazy paging, a side panel with the order and its
 * timeline, bulk status changes and a CSV export of what the filters show.
 */
@Route(value = "admin/orders", layout = AdminLayout.class)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class OrdersAdminView extends VerticalLayout implements HasDynamicTitle {

    final MultiSelectComboBox<OrderStatus> statuses = new MultiSelectComboBox<>();
    final Select<PaymentStatus> payment = new Select<>();
    final TextField customer = new TextField();
    final com.vaadin.flow.component.combobox.ComboBox<dev.ordino.catalog.OfferingView> offering =
            new com.vaadin.flow.component.combobox.ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<OrderView> grid = new Grid<>();
    final Select<OrderStatus> bulkStatus = new Select<>();
    final Button bulkApply = new Button();
    final OrderPanel panel;
    final Span count = new Span();

    private final OrderAdminService orders;

    public OrdersAdminView(OrderAdminService orders, StoreCurrency currency, CurrentUser currentUser,
                           dev.ordino.catalog.CatalogService catalog,
                           org.springframework.beans.factory.ObjectProvider<dev.ordino.ordering.GatewayRefunds> gatewayRefunds) {
        this.orders = orders;
        this.panel = new OrderPanel(orders, currency, currentUser.email().orElse("staff"), this::refresh,
                gatewayRefunds.getIfAvailable());
        setSizeFull();
        setPadding(true);

        statuses.setLabel(getTranslation("admin.orders.status"));
        statuses.setId("filter-status");
        statuses.setItems(OrderStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation("order-status." + s.key()));
        payment.setLabel(getTranslation("admin.orders.payment"));
        payment.setId("filter-payment");
        payment.setItems(PaymentStatus.values());
        payment.setEmptySelectionAllowed(true);
        payment.setItemLabelGenerator(s -> s == null ? getTranslation("admin.orders.any") : getTranslation("payment-status." + s.key()));
        customer.setLabel(getTranslation("admin.orders.customer"));
        customer.setId("filter-customer");
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.setClearButtonVisible(true);
        offering.setLabel(getTranslation("admin.orders.offering"));
        offering.setId("filter-offering");
        offering.setClearButtonVisible(true);
        offering.setItemLabelGenerator(o -> o.name() + " · " + o.categoryName());
        // Searched and paged on the server, like every list that can grow.
        offering.setItemsPageable((pageable, text) -> catalog.offerings(
                new dev.ordino.catalog.OfferingFilter(null, null, text, true), pageable).getContent());
        offering.addValueChangeListener(e -> refresh());
        from.setLabel(getTranslation("admin.orders.from"));
        to.setLabel(getTranslation("admin.orders.to"));
        statuses.addValueChangeListener(e -> refresh());
        payment.addValueChangeListener(e -> refresh());
        customer.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            StringWriter csv = new StringWriter();
            orders.exportCsv(filter(), csv);
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "orders.csv", "text/csv", bytes.length);
        }), getTranslation("admin.orders.export"));
        export.setId("export-csv");
        export.getElement().setAttribute("download", true);

        FlexLayout filters = new FlexLayout(statuses, payment, customer, offering, from, to, export);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
        grid.setId("orders-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(OrderView::number).setHeader(getTranslation("orders.number")).setKey("id").setSortProperty("id")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> when.format(o.createdAt())).setHeader(getTranslation("orders.date")).setKey("createdAt")
                .setSortProperty("createdAt").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OrderView::customerEmail).setHeader(getTranslation("admin.orders.customer")).setKey("customer");
        grid.addColumn(new ComponentRenderer<>(o -> StatusBadge.of(o.status()))).setHeader(getTranslation("orders.status"))
                .setKey("status").setSortProperty("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(o -> StatusBadge.of(o.paymentStatus()))).setHeader(getTranslation("admin.orders.payment"))
                .setKey("payment").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> currency.display(o.total())).setHeader(getTranslation("orders.total")).setKey("total")
                .setSortProperty("total").setAutoWidth(true).setFlexGrow(0);
        grid.setMultiSort(false);
        grid.setItemsPageable(pageable -> orders.search(filter(), pageable).getContent());
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("id"), com.vaadin.flow.data.provider.SortDirection.DESCENDING)));
        grid.setEmptyStateText(getTranslation("admin.orders.empty"));
        grid.addItemClickListener(e -> panel.show(e.getItem().id()));
        grid.addSelectionListener(e -> bulkApply.setEnabled(!e.getAllSelectedItems().isEmpty()));

        bulkStatus.setId("bulk-status");
        bulkStatus.setPlaceholder(getTranslation("admin.orders.bulk-status"));
        bulkStatus.setItems(OrderStatus.values());
        bulkStatus.setItemLabelGenerator(s -> s == null ? "" : getTranslation("order-status." + s.key()));
        bulkApply.setText(getTranslation("admin.orders.bulk-apply"));
        bulkApply.setId("bulk-apply");
        bulkApply.setEnabled(false);
        bulkApply.addClickListener(e -> applyBulk());
        count.setId("orders-count");
        count.addClassName("ordino-muted");
        HorizontalLayout bulk = new HorizontalLayout(bulkStatus, bulkApply, count);
        bulk.setAlignItems(FlexComponent.Alignment.BASELINE);
        bulk.getStyle().set("flex-wrap", "wrap");

        VerticalLayout left = new VerticalLayout(filters, bulk, grid);
        left.setPadding(false);
        left.setSizeFull();
        SplitLayout split = new SplitLayout(left, panel);
        split.setSizeFull();
        split.setSplitterPosition(72);
        add(split);
        refresh();
    }

    OrderFilter filter() {
        return new OrderFilter(statuses.getValue(), payment.getValue(), customer.getValue(),
                offering.getValue() == null ? null : offering.getValue().id(), from.getValue(), to.getValue());
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        count.setText(getTranslation("admin.orders.count", orders.count(filter())));
    }

    void applyBulk() {
        OrderStatus target = bulkStatus.getValue();
        if (target == null) {
            Feedback.invalid(bulkStatus, getTranslation("error.invalid_status"));
            return;
        }
        List<Long> ids = grid.getSelectedItems().stream().map(OrderView::id).toList();
        Map<Long, String> failures = orders.changeStatus(ids, target, getTranslation("admin.orders.bulk-reason"),
                panel.actor());
        grid.deselectAll();
        refresh();
        Notification note = Notification.show(getTranslation("admin.orders.bulk-done", ids.size() - failures.size(), failures.size()),
                5000, Notification.Position.TOP_CENTER);
        note.addThemeVariants(failures.isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.orders.title") + " · " + getTranslation("app.name");
    }
}
