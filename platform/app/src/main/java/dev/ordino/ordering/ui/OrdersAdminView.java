package dev.ordino.ordering.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.CollapsibleFilters;
import dev.ordino.base.ui.SmallScreens;
import dev.ordino.base.ui.Feedback;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.DeliveredCodes;
import dev.ordino.ordering.GatewayRefunds;
import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderFilter;
import dev.ordino.ordering.OrderItemView;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.ProviderCosts;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Staff's orders grid: one search box (number, link or customer), filters behind a toggle, lazy
 * paging with the provider's cost and the margin of each order, bulk status changes that ask
 * first and list what was refused, and a CSV export of what the filters show. The order opens
 * beside the grid on a wide screen and as a full-screen dialog on a phone.
 */
@Route(value = "admin/orders", layout = AdminLayout.class)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class OrdersAdminView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final CollapsibleFilters filters;
    final MultiSelectComboBox<OrderStatus> statuses = new MultiSelectComboBox<>();
    final Select<PaymentStatus> payment = new Select<>();
    final TextField customer = new TextField();
    final ComboBox<OfferingView> offering = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<OrderView> grid = new Grid<>();
    final Select<OrderStatus> bulkStatus = new Select<>();
    final Button bulkApply = new Button();
    final OrderPanel panel;
    final Span count = new Span();

    private final OrderAdminService orders;
    private final ProviderCosts costs;
    private final StoreCurrency currency;
    private final Map<Long, BigDecimal> pageCosts = new HashMap<>();
    private final VerticalLayout list = new VerticalLayout();
    private final SplitLayout split = new SplitLayout();
    private boolean phone;

    public OrdersAdminView(OrderAdminService orders, StoreCurrency currency, CurrentUser currentUser, CatalogService catalog,
                           ObjectProvider<GatewayRefunds> gatewayRefunds, ObjectProvider<ProviderCosts> providerCosts,
                           Handovers handovers, ObjectProvider<DeliveredCodes> deliveredCodes) {
        this.orders = orders;
        this.costs = providerCosts.getIfAvailable();
        this.currency = currency;
        this.panel = new OrderPanel(orders, currency, currentUser.email().orElse("staff"), this::refresh,
                gatewayRefunds.getIfAvailable(), handovers, deliveredCodes.getIfAvailable());
        setSizeFull();
        setPadding(true);

        search.setId("orders-search");
        search.setPlaceholder(getTranslation("admin.orders.search"));
        search.setAriaLabel(getTranslation("admin.orders.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.getStyle().set("flex", "1 1 14rem");
        search.addValueChangeListener(e -> refresh());

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
        offering.setItemsPageable((pageable, text) -> catalog.offerings(new OfferingFilter(null, null, text, true), pageable).getContent());
        from.setLabel(getTranslation("admin.orders.from"));
        to.setLabel(getTranslation("admin.orders.to"));
        statuses.addValueChangeListener(e -> refresh());
        payment.addValueChangeListener(e -> refresh());
        customer.addValueChangeListener(e -> refresh());
        offering.addValueChangeListener(e -> refresh());
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

        // One search box first; the rest a tap away, also on a laptop, where staff mostly search.
        filters = new CollapsibleFilters("orders-filters", statuses, payment, customer, offering, from, to, export);

        configureGrid();

        bulkStatus.setId("bulk-status");
        bulkStatus.setPlaceholder(getTranslation("admin.orders.bulk-status"));
        bulkStatus.setItems(OrderStatus.values());
        bulkStatus.setItemLabelGenerator(s -> s == null ? "" : getTranslation("order-status." + s.key()));
        bulkApply.setText(getTranslation("admin.orders.bulk-apply"));
        bulkApply.setId("bulk-apply");
        bulkApply.setEnabled(false);
        bulkApply.addClickListener(e -> askBulk());
        count.setId("orders-count");
        count.addClassName("ordino-muted");
        HorizontalLayout top = new HorizontalLayout(search, filters.toggle, count);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        HorizontalLayout bulk = new HorizontalLayout(bulkStatus, bulkApply);
        bulk.setAlignItems(FlexComponent.Alignment.BASELINE);
        bulk.setSpacing(false);
        bulk.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        bulk.setVisible(false);
        grid.addSelectionListener(e -> {
            bulkApply.setEnabled(!e.getAllSelectedItems().isEmpty());
            bulk.setVisible(!e.getAllSelectedItems().isEmpty());
        });

        list.add(top, filters, bulk, grid);
        list.setPadding(false);
        list.setSpacing(false);
        list.getStyle().set("gap", "var(--lumo-space-s)");
        list.setSizeFull();
        list.setFlexGrow(1, grid);
        split.addToPrimary(list);
        split.addToSecondary(panel);
        split.setSizeFull();
        split.setSplitterPosition(72);
        add(split);
        refresh();
    }

    private void configureGrid() {
        DateTimeFormatter when = ReaderFormat.dateTimes(this, FormatStyle.SHORT);
        grid.setId("orders-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(OrderView::number).setHeader(getTranslation("orders.number")).setKey("id").setSortProperty("id")
                .setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(o -> StatusBadge.of(o.status()))).setHeader(getTranslation("orders.status"))
                .setKey("status").setSortProperty("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> currency.display(o.total())).setHeader(getTranslation("orders.total")).setKey("total")
                .setSortProperty("total").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::service).setHeader(getTranslation("admin.orders.service")).setKey("service")
                .setWidth("12rem").setTooltipGenerator(this::service);
        grid.addColumn(this::link).setHeader(getTranslation("admin.orders.link")).setKey("link").setWidth("12rem")
                .setTooltipGenerator(this::link);
        grid.addColumn(OrderView::customerEmail).setHeader(getTranslation("admin.orders.customer")).setKey("customer")
                .setWidth("12rem").setTooltipGenerator(OrderView::customerEmail);
        grid.addColumn(new ComponentRenderer<>(o -> StatusBadge.of(o.paymentStatus()))).setHeader(getTranslation("admin.orders.payment"))
                .setKey("payment").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> cost(o) == null ? "–" : currency.display(cost(o))).setHeader(getTranslation("admin.orders.cost"))
                .setKey("cost").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> cost(o) == null ? "–" : currency.display(margin(o))).setHeader(getTranslation("admin.orders.margin"))
                .setKey("margin").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> when.format(o.createdAt())).setHeader(getTranslation("orders.date")).setKey("createdAt")
                .setSortProperty("createdAt").setAutoWidth(true).setFlexGrow(0);
        grid.setMultiSort(false);
        grid.setItemsPageable(pageable -> {
            List<OrderView> page = orders.search(filter(), pageable).getContent();
            if (costs != null) {
                pageCosts.putAll(costs.ofOrders(page.stream().map(OrderView::id).toList())); // one query per page
            }
            return page;
        });
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey("id"), SortDirection.DESCENDING)));
        grid.setEmptyStateText(getTranslation("admin.orders.empty"));
        grid.addItemClickListener(e -> open(e.getItem().id()));
    }

    private String service(OrderView o) {
        List<OrderItemView> items = o.items();
        return items.isEmpty() ? "" : items.getFirst().name() + (items.size() > 1 ? " +" + (items.size() - 1) : "");
    }

    private String link(OrderView o) {
        return o.items().stream().map(OrderItemView::link).filter(l -> l != null && !l.isBlank()).findFirst().orElse("");
    }

    /** The providers' cost of the order, or null when no provider works on it. */
    BigDecimal cost(OrderView o) {
        return pageCosts.get(o.id());
    }

    /** What the order earns: what was paid and kept, minus what the providers charge. */
    BigDecimal margin(OrderView o) {
        BigDecimal cost = cost(o);
        return o.paidAmount().subtract(o.refundedAmount()).subtract(cost == null ? BigDecimal.ZERO : cost);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        SmallScreens.ask(event.getUI(), this::usePhoneLayout);
    }

    /** On a phone the grid has the whole screen; the order opens over it. */
    void usePhoneLayout(boolean phone) {
        if (this.phone == phone) {
            return;
        }
        this.phone = phone;
        removeAll();
        if (phone) {
            setPadding(false);
            list.getStyle().set("padding", "var(--lumo-space-s)");
            add(list);
            // Out of the split, the split's slot names would hide them from their new parent.
            list.getElement().removeAttribute("slot");
        } else {
            setPadding(true);
            split.addToPrimary(list);
            split.addToSecondary(panel);
            add(split);
        }
    }

    void open(long orderId) {
        panel.show(orderId);
        if (phone) {
            Dialog dialog = new Dialog();
            dialog.setId("order-dialog");
            dialog.addClassName("ordino-fullscreen");
            dialog.setWidth("100vw");
            dialog.setHeight("100vh");
            dialog.getStyle().set("max-width", "100vw").set("max-height", "100vh");
            dialog.setHeaderTitle(getTranslation("admin.orders.title"));
            Button close = new Button(VaadinIcon.CLOSE.create(), e -> dialog.close());
            close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            close.setAriaLabel(getTranslation("action.close"));
            dialog.getHeader().add(close);
            dialog.add(panel);
            panel.getElement().removeAttribute("slot");
            dialog.addOpenedChangeListener(e -> {
                if (!e.isOpened()) {
                    dialog.remove(panel);
                }
            });
            dialog.open();
        }
    }

    OrderFilter filter() {
        return new OrderFilter(statuses.getValue(), payment.getValue(), customer.getValue(),
                offering.getValue() == null ? null : offering.getValue().id(), from.getValue(), to.getValue(), search.getValue());
    }

    void refresh() {
        pageCosts.clear();
        grid.getDataProvider().refreshAll();
        count.setText(getTranslation("admin.orders.count", orders.count(filter())));
    }

    /** Bulk changes ask first: many orders at once, some of them refunding money. */
    ConfirmDialog askBulk() {
        OrderStatus target = bulkStatus.getValue();
        if (target == null) {
            Feedback.invalid(bulkStatus, getTranslation("error.invalid_status"));
            return null;
        }
        List<Long> ids = grid.getSelectedItems().stream().map(OrderView::id).toList();
        Map<Long, String> numbers = new HashMap<>();
        grid.getSelectedItems().forEach(o -> numbers.put(o.id(), o.number()));
        ConfirmDialog sure = new ConfirmDialog(getTranslation("admin.orders.bulk-confirm-title"),
                getTranslation("admin.orders.bulk-confirm-text", ids.size(), getTranslation("order-status." + target.key())),
                getTranslation("admin.orders.bulk-apply"), e -> applyBulk(ids, numbers, target));
        sure.setId("bulk-confirm");
        sure.setCancelable(true);
        sure.setCancelText(getTranslation("action.cancel"));
        sure.open();
        return sure;
    }

    private void applyBulk(List<Long> ids, Map<Long, String> numbers, OrderStatus target) {
        Map<Long, DomainException> refused = orders.changeStatus(ids, target, getTranslation("admin.orders.bulk-reason"), panel.actor());
        grid.deselectAll();
        refresh();
        if (refused.isEmpty()) {
            Feedback.success(getTranslation("admin.orders.bulk-done", ids.size(), 0));
            return;
        }
        UnorderedList reasons = new UnorderedList();
        reasons.setId("bulk-refusals");
        refused.forEach((id, why) -> reasons.add(new ListItem(numbers.getOrDefault(id, "#" + id) + ": " + Feedback.message(this, why))));
        ConfirmDialog report = new ConfirmDialog();
        report.setId("bulk-report");
        report.setHeader(getTranslation("admin.orders.bulk-done", ids.size() - refused.size(), refused.size()));
        report.setText(new Div(new Span(getTranslation("admin.orders.bulk-refused")), reasons));
        report.setConfirmText(getTranslation("action.close"));
        report.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.orders.title");
    }
}
