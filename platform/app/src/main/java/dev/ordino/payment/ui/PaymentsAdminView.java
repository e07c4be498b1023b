package dev.ordino.payment.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.CollapsibleFilters;
import dev.ordino.base.ui.HealthBadge;
import dev.ordino.base.ui.Feedback;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.Payments;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.html.Paragraph;
import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.payment.PaymentFollowUps;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payments: a lazy grid filtered by status, gateway, customer and dates, each payment's detail
 * with the raw events received, confirmation of manual transfers; and the gateway instances
 * with their settings (secrets masked) and the webhook URL to copy into each gateway's dashboard.
 */
@Route(value = "admin/payments", layout = AdminLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class PaymentsAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> STATUSES = List.of("", "pending", "paid", "failed", "refunded", "partially_refunded");

    final Select<String> status = new Select<>();
    final ComboBox<GatewayInstances.GatewayView> gatewayFilter = new ComboBox<>();
    final TextField customer = new TextField();
    final BigDecimalField minAmount = new BigDecimalField();
    final BigDecimalField maxAmount = new BigDecimalField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Grid<Payments.PaymentView> grid = new Grid<>();
    final Grid<GatewayInstances.GatewayView> gatewaysGrid = new Grid<>();
    final Button addGateway = new Button();
    final CollapsibleFilters filters;

    private final Payments payments;
    private final GatewayInstances gateways;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private final PaymentFollowUps followUps;
    private final AccountService accounts;
    private final Map<Long, AccountSummary> customers = new HashMap<>();
    private final Map<Long, Instant> reported = new HashMap<>();
    private final DateTimeFormatter time;

    public PaymentsAdminView(Payments payments, GatewayInstances gateways, StoreCurrency currency, CurrentUser currentUser,
                             PaymentFollowUps followUps, AccountService accounts) {
        this.followUps = followUps;
        this.accounts = accounts;
        this.time = ReaderFormat.dateTimes(this, FormatStyle.SHORT);
        this.payments = payments;
        this.gateways = gateways;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassName("ordino-page");
        setPadding(false);

        status.setLabel(getTranslation("payments.status"));
        status.setId("payments-status");
        status.setItems(STATUSES);
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("payments.any") : getTranslation("payment-status." + s));
        status.setValue("");
        gatewayFilter.setLabel(getTranslation("payments.gateway"));
        gatewayFilter.setId("payments-gateway");
        gatewayFilter.setItemLabelGenerator(GatewayInstances.GatewayView::name);
        gatewayFilter.setClearButtonVisible(true);
        customer.setLabel(getTranslation("payments.customer"));
        customer.setId("payments-customer");
        customer.setValueChangeMode(ValueChangeMode.LAZY);
        customer.setClearButtonVisible(true);
        minAmount.setLabel(getTranslation("payments.min-amount"));
        minAmount.setId("payments-min-amount");
        minAmount.setValueChangeMode(ValueChangeMode.LAZY);
        maxAmount.setLabel(getTranslation("payments.max-amount"));
        maxAmount.setId("payments-max-amount");
        maxAmount.setValueChangeMode(ValueChangeMode.LAZY);
        minAmount.addValueChangeListener(e -> refresh());
        maxAmount.addValueChangeListener(e -> refresh());
        from.setLabel(getTranslation("payments.from"));
        to.setLabel(getTranslation("payments.to"));
        status.addValueChangeListener(e -> refresh());
        gatewayFilter.addValueChangeListener(e -> refresh());
        customer.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        // Seven fields fill a phone's first screen: there they wait behind a button, as on the orders page.
        filters = new CollapsibleFilters("payments-filters", status, gatewayFilter, customer, minAmount,
                maxAmount, from, to).openOnWideScreens();

        grid.setId("payments-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(new ComponentRenderer<>(this::row)).setHeader(getTranslation("payments.title")).setKey("payment");
        grid.addItemClickListener(e -> detail(e.getItem()));
        grid.setHeight("28rem");
        grid.setEmptyStateText(getTranslation("payments.empty"));

        addGateway.setText(getTranslation("payments.add-gateway"));
        addGateway.setId("payments-add-gateway");
        addGateway.setVisible(currentUser.hasRole(Roles.ADMIN));
        addGateway.addClickListener(e -> editor(null));
        gatewaysGrid.setId("gateways-grid");
        gatewaysGrid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        gatewaysGrid.addColumn(new ComponentRenderer<>(this::gatewayCard)).setHeader(getTranslation("payments.gateways")).setKey("gateway");
        gatewaysGrid.setAllRowsVisible(true);
        gatewaysGrid.setEmptyStateText(getTranslation("payments.no-gateways"));

        HorizontalLayout heading = new HorizontalLayout(new H2(getTranslation("payments.title")), filters.toggle);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        heading.getStyle().set("flex-wrap", "wrap");
        add(heading, filters, grid, new H3(getTranslation("payments.gateways")), addGateway,
                gatewaysGrid);
        refreshGateways();
        refresh();
    }

    void refresh() {
        Payments.Filter filter = new Payments.Filter(status.getValue(), gatewayFilter.getValue() == null ? null
                : gatewayFilter.getValue().id(), customer.getValue(), minAmount.getValue(), maxAmount.getValue(), from.getValue(), to.getValue());
        grid.setItems(query -> {
            List<Payments.PaymentView> page = payments.search(filter, query.getOffset(), query.getLimit());
            // Who paid and who says they did, one query each per page.
            customers.putAll(accounts.summaries(page.stream().map(Payments.PaymentView::customerId).collect(Collectors.toSet())));
            reported.putAll(followUps.reportedPaid(page.stream().map(Payments.PaymentView::id).toList()));
            return page.stream();
        });
    }

    void refreshGateways() {
        List<GatewayInstances.GatewayView> all = gateways.list();
        gatewaysGrid.setItems(all);
        gatewayFilter.setItems(all);
    }

    private Div row(Payments.PaymentView p) {
        Span title = new Span(p.reference() + " · " + currency.display(p.amount()) + " · " + p.gatewayName());
        title.getStyle().set("font-weight", "600");
        Span state = new Span(getTranslation("payment-status." + p.status()));
        state.addClassName("ordino-state");
        state.getElement().setAttribute("data-status", p.status());
        AccountSummary who = customers.get(p.customerId());
        Span customer = new Span(who == null ? "#" + p.customerId() : who.displayName() + " <" + who.email() + ">");
        customer.addClassName("payment-customer");
        Span facts = new Span(time.format(p.createdAt()) + " · "
                + (p.orderId() == null ? getTranslation("payments.top-up") : getTranslation("payments.order") + " #" + p.orderId())
                + (p.failureReason() == null ? "" : " · " + p.failureReason()));
        facts.addClassName("ordino-muted");
        Div row = new Div(new Div(title, new Span(" "), state), new Div(customer), facts);
        Instant said = reported.get(p.id());
        if (said != null && p.status().equals("pending")) {
            Span claim = new Span(getTranslation("payments.customer-says-paid", time.format(said)));
            claim.addClassName("payment-reported");
            claim.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-primary-text-color))").set("font-weight", "600");
            row.add(new Div(claim));
        }
        return row;
    }

    void detail(Payments.PaymentView p) {
        Dialog dialog = new Dialog(p.reference());
        dialog.setWidth("min(48rem, 96vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(row(p));
        body.add(new H3(getTranslation("payments.events")));
        List<Payments.EventView> events = payments.events(p.id());
        if (events.isEmpty()) {
            body.add(new Span(getTranslation("payments.no-events")));
        }
        for (Payments.EventView event : events) {
            Div line = new Div(new Span(time.format(event.at()) + " · " + event.outcome() + (event.verified() ? "" : " · "
                    + getTranslation("payments.unverified")) + (event.detail() == null ? "" : " · " + event.detail())));
            line.addClassName("payment-event");
            body.add(line);
            if (event.body() != null) {
                Pre raw = new Pre(event.body());
                raw.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-xs)").set("max-height", "10rem")
                        .set("overflow", "auto");
                body.add(raw);
            }
        }
        dialog.add(body);
        Button confirm = new Button(getTranslation("payments.confirm"), e -> {
            ConfirmDialog sure = new ConfirmDialog(getTranslation("payments.confirm"), getTranslation("payments.confirm-text",
                    currency.display(p.amount())), getTranslation("payments.confirm"), ok -> {
                try {
                    payments.confirmManual(p.id(), currentUser.email().orElse("staff"));
                    Feedback.success(getTranslation("payments.confirmed"));
                    dialog.close();
                    refresh();
                } catch (DomainException ex) {
                    Feedback.error(Feedback.message(this, ex));
                }
            });
            sure.setCancelable(true);
            sure.setCancelText(getTranslation("action.cancel"));
            sure.open();
        });
        confirm.setId("payment-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setVisible((p.status().equals("pending") || p.status().equals("failed")) && gateways.staffConfirms(p.gatewayId()));
        Button reject = new Button(getTranslation("payments.reject"), e -> askReject(p, dialog));
        reject.setId("payment-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        // The same payments staff confirm by hand are the ones they may turn down, while still pending.
        reject.setVisible(confirm.isVisible() && p.status().equals("pending"));
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()), reject, confirm);
        dialog.open();
    }

    /** Turning a transfer down needs a reason: the customer reads it. */
    Dialog askReject(Payments.PaymentView p, Dialog detail) {
        Dialog ask = new Dialog(getTranslation("payments.reject"));
        ask.setId("reject-dialog");
        ask.setWidth("min(30rem, 96vw)");
        TextField reason = new TextField(getTranslation("payments.reject-reason"));
        reason.setId("reject-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        ask.add(new Paragraph(getTranslation("payments.reject-text", currency.display(p.amount()))), reason);
        Button reject = new Button(getTranslation("payments.reject"), e -> {
            try {
                followUps.rejectTransfer(p.id(), reason.getValue(), currentUser.email().orElse("staff"));
                Feedback.success(getTranslation("payments.rejected"));
                ask.close();
                detail.close();
                refresh();
            } catch (DomainException ex) {
                Feedback.invalid(reason, Feedback.message(this, ex));
            }
        });
        reject.setId("reject-save");
        reject.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        ask.getFooter().add(new Button(getTranslation("action.cancel"), e -> ask.close()), reject);
        ask.open();
        return ask;
    }

    private VerticalLayout gatewayCard(GatewayInstances.GatewayView g) {
        Span name = new Span(g.name() + " · " + g.displayName() + (g.enabled() ? "" : " · " + getTranslation("admin.plugins.status.disabled")));
        name.getStyle().set("font-weight", "600");
        TextField webhook = new TextField(getTranslation("payments.webhook-url"));
        webhook.setValue(g.webhookUrl());
        webhook.setReadOnly(true);
        webhook.setWidthFull();
        webhook.addClassName("gateway-webhook");
        // A transfer staff confirm by hand is never reported by a webhook: no address to copy.
        webhook.setVisible(!gateways.staffConfirms(g.id()));
        if (isLocal(g.webhookUrl())) {
            webhook.setHelperText(getTranslation("payments.webhook-local"));
        }
        Button edit = new Button(getTranslation("action.edit"), e -> editor(g));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.setVisible(currentUser.hasRole(Roles.ADMIN));
        VerticalLayout card = new VerticalLayout(new Div(name, new Span(" "),
                new HealthBadge(g.health(), g.lastError())), webhook, edit);
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    /** A webhook URL on this machine's own address is unreachable for a gateway: ORDINO_PUBLIC_URL is not set. */
    static boolean isLocal(String url) {
        String host = URI.create(url).getHost();
        return host == null || host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    GatewayEditor editor(GatewayInstances.GatewayView existing) {
        GatewayEditor editor = new GatewayEditor(gateways, existing);
        editor.onSaved(() -> {
            Feedback.success(getTranslation("payments.gateway-saved"));
            refreshGateways();
        });
        editor.open();
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payments.title");
    }
}
