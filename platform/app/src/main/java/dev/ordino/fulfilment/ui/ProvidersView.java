package dev.ordino.fulfilment.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.HealthBadge;
import dev.ordino.base.ui.Feedback;
import dev.ordino.catalog.CatalogService;
import dev.ordino.fulfilment.ProviderCatalog;
import dev.ordino.fulfilment.ProviderInstances;
import dev.ordino.fulfilment.ProviderJobs;
import dev.ordino.fulfilment.ProviderOrders;
import dev.ordino.fulfilment.ProviderStatusSync;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.plugin.api.ProviderService;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * SMM providers: instances with health, balance and last syncs; test, sync and import; each
 * instance's error log; and the orders that need staff attention (unknown outcome, refused by
 * every provider) with resubmit, provider order id and refund; and which provider services fulfil
 * each SMM offering.
 */
@Route(value = "admin/providers", layout = AdminLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class ProvidersView extends VerticalLayout implements HasDynamicTitle {


    final Grid<ProviderView> grid = new Grid<>();
    final Grid<ProviderOrders.ProviderOrderView> attention = new Grid<>();
    final Div empty = new Div();
    final Div attentionEmpty = new Div();
    final Div alerts = new Div();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span progressText = new Span();
    final Button add = new Button();
    final Button syncOrders = new Button();
    final ServiceMappingEditor mappings;

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final ProviderJobs jobs;
    private final ProviderOrders providerOrders;
    private final CurrentUser currentUser;

    public ProvidersView(ProviderInstances instances, ProviderCatalog catalog, ProviderJobs jobs, ProviderOrders providerOrders,
                         CatalogService offerings, CurrentUser currentUser) {
        this.instances = instances;
        this.catalog = catalog;
        this.jobs = jobs;
        this.providerOrders = providerOrders;
        this.currentUser = currentUser;
        addClassName("ordino-page");
        setPadding(false);

        add.setText(getTranslation("providers.add"));
        add.setId("providers-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(currentUser.hasRole(Roles.ADMIN));
        add.addClickListener(e -> editor(null));
        syncOrders.setText(getTranslation("providers.sync-orders"));
        syncOrders.setId("providers-sync-orders");
        syncOrders.addClickListener(e -> syncOrders());
        FlexLayout actions = new FlexLayout(add, syncOrders);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");

        alerts.setId("providers-alerts");
        progress.setId("providers-progress");
        progress.setVisible(false);
        progressText.setVisible(false);

        grid.setId("providers-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(new ComponentRenderer<>(this::card)).setHeader(getTranslation("providers.title")).setKey("provider");
        grid.setAllRowsVisible(true);
        empty.setText(getTranslation("providers.empty"));
        empty.setId("providers-empty");
        empty.addClassName("ordino-card");

        attention.setId("providers-attention");
        attention.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        attention.addColumn(new ComponentRenderer<>(this::attentionCard)).setHeader(getTranslation("providers.attention"))
                .setKey("line");
        attention.setAllRowsVisible(true);
        attentionEmpty.setText(getTranslation("providers.attention-empty"));
        attentionEmpty.setId("providers-attention-empty");
        attentionEmpty.addClassName("ordino-muted");

        mappings = new ServiceMappingEditor(catalog, instances, offerings, currentUser.hasRole(Roles.ADMIN));
        add(new H2(getTranslation("providers.title")), actions, alerts, progress, progressText, empty, grid,
                new H3(getTranslation("providers.attention")), attentionEmpty, attention, mappings);
        refresh();
    }

    void refresh() {
        List<ProviderView> all = instances.list();
        grid.setItems(all);
        grid.setVisible(!all.isEmpty());
        empty.setVisible(all.isEmpty());
        List<ProviderOrders.ProviderOrderView> lines = providerOrders.needingAttention();
        attention.setItems(lines);
        attention.setVisible(!lines.isEmpty());
        attentionEmpty.setVisible(lines.isEmpty());
        alerts.removeAll();
        instances.openAlerts().forEach(alert -> {
            Div line = new Div(alert.message());
            line.addClassName("ordino-error-text");
            alerts.add(line);
        });
    }

    private VerticalLayout card(ProviderView p) {
        Span name = new Span(p.name());
        name.getStyle().set("font-weight", "600");
        Span health = p.enabled() ? new HealthBadge(p.health(), p.lastError()) : new Span(getTranslation("admin.plugins.status.disabled"));
        health.addClassName("ordino-state");
        Span facts = new Span(p.plugin() + " · " + getTranslation("providers.priority") + " " + p.priority() + " · "
                + getTranslation("providers.markup") + " " + p.markupPercent().stripTrailingZeros().toPlainString());
        facts.addClassName("ordino-muted");
        Span balance = new Span(getTranslation("providers.balance") + ": " + (p.balance() == null ? "—"
                : p.balance().toPlainString() + " " + (p.balanceCurrency() == null ? "" : p.balanceCurrency())));
        if (p.lowBalance()) {
            balance.addClassName("ordino-error-text");
        }
        Span syncs = new Span(getTranslation("providers.services-synced") + ": " + time(p.servicesSyncedAt()) + " · "
                + getTranslation("providers.orders-synced") + ": " + time(p.ordersSyncedAt()));
        syncs.addClassName("ordino-muted");
        Span error = new Span(p.lastError() == null ? "" : p.lastError());
        error.addClassName("ordino-error-text");
        error.setVisible(p.lastError() != null);

        Button test = new Button(getTranslation("providers.test"), e -> run(() -> {
            ProviderView checked = instances.testConnection(p.id());
            if (checked.lastError() == null) {
                Feedback.success(getTranslation("providers.balance") + ": " + checked.balance() + " " + checked.balanceCurrency());
            } else {
                Feedback.error(checked.lastError());
            }
        }));
        test.addClassName("provider-test");
        Button sync = new Button(getTranslation("providers.sync-services"), e -> syncServices(p));
        sync.addClassName("provider-sync-services");
        Button importButton = new Button(getTranslation("providers.import"), e -> importDialog(p));
        importButton.addClassName("provider-import");
        importButton.setVisible(currentUser.hasRole(Roles.ADMIN));
        Button edit = new Button(getTranslation("action.edit"), e -> editor(p));
        edit.setVisible(currentUser.hasRole(Roles.ADMIN));
        Button logButton = new Button(getTranslation("providers.log"), e -> logDialog(p));
        logButton.addClassName("provider-log");
        for (Button b : List.of(test, sync, importButton, edit, logButton)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        FlexLayout buttons = new FlexLayout(test, sync, importButton, edit, logButton);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        HorizontalLayout title = new HorizontalLayout(name, health);
        title.setAlignItems(Alignment.BASELINE);
        VerticalLayout card = new VerticalLayout(title, facts, balance, syncs, error, buttons);
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private VerticalLayout attentionCard(ProviderOrders.ProviderOrderView line) {
        Span title = new Span(getTranslation("providers.order") + " " + line.orderNumber() + " · " + line.provider()
                + " · " + line.state());
        title.getStyle().set("font-weight", "600");
        Span reason = new Span(line.reason() == null ? "" : line.reason());
        Span since = new Span(time(line.updatedAt()));
        since.addClassName("ordino-muted");
        Button resubmit = new Button(getTranslation("providers.resubmit"), e -> confirm(getTranslation("providers.resubmit-confirm"),
                () -> providerOrders.resubmit(line.id(), actor())));
        resubmit.addClassName("attention-resubmit");
        Button reference = new Button(getTranslation("providers.enter-ref"), e -> referenceDialog(line));
        reference.addClassName("attention-reference");
        Button refund = new Button(getTranslation("providers.refund"), e -> confirm(getTranslation("providers.refund-confirm"),
                () -> providerOrders.refund(line.id(), actor())));
        refund.addClassName("attention-refund");
        refund.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (Button b : List.of(resubmit, reference, refund)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        FlexLayout buttons = new FlexLayout(resubmit, reference, refund);
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-xs)");
        VerticalLayout card = new VerticalLayout(title, reason, since, buttons);
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    private void confirm(String text, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("providers.attention"), text, getTranslation("action.confirm"),
                e -> run(action));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void referenceDialog(ProviderOrders.ProviderOrderView line) {
        Dialog dialog = new Dialog(getTranslation("providers.enter-ref"));
        TextField ref = new TextField(getTranslation("providers.enter-ref"));
        ref.setId("attention-ref");
        ref.setMaxLength(100);
        ref.setWidthFull();
        dialog.add(ref);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                providerOrders.enterReference(line.id(), ref.getValue(), actor());
                dialog.close();
                refresh();
            } catch (DomainException ex) {
                Feedback.invalid(ref, Feedback.message(this, ex));
            }
        });
        save.setId("attention-ref-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    void syncOrders() {
        run(() -> {
            ProviderStatusSync.Result result = jobs.syncOrdersNow();
            Feedback.success(getTranslation("providers.synced-orders", result.checked(), result.updated()));
        });
    }

    /** Runs the service sync in the background, the progress bar following it. */
    void syncServices(ProviderView p) {
        UI ui = UI.getCurrent();
        SecurityContext security = SecurityContextHolder.getContext();
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText(getTranslation("providers.sync-services") + ": " + p.name());
        progressText.setVisible(true);
        Thread.ofVirtual().name("provider-sync-ui").start(() -> {
            SecurityContextHolder.setContext(security);
            try {
                ProviderCatalog.SyncResult result = jobs.syncServicesNow(p.id(), share -> ui.access(() -> progress.setValue(share)));
                ui.access(() -> {
                    Feedback.success(getTranslation("providers.synced-services", result.updated(), result.disabled(),
                            result.priceRises()));
                    done();
                });
            } catch (DomainException e) {
                ui.access(() -> {
                    Feedback.error(Feedback.message(this, e) + " " + (e.getMessage() == null ? "" : e.getMessage()));
                    done();
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    Feedback.error(e.getMessage());
                    done();
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private void done() {
        progress.setVisible(false);
        progressText.setVisible(false);
        refresh();
    }

    ImportDialog importDialog(ProviderView p) {
        List<ProviderService> services;
        try {
            services = catalog.services(p.id());
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e) + " " + (e.getMessage() == null ? "" : e.getMessage()));
            return null;
        }
        ImportDialog dialog = new ImportDialog(catalog, p, services);
        dialog.onSaved(() -> {
            Feedback.success(getTranslation("providers.imported", dialog.imported()));
            refresh();
        });
        dialog.open();
        return dialog;
    }

    private void logDialog(ProviderView p) {
        Dialog dialog = new Dialog(getTranslation("providers.log") + " · " + p.name());
        dialog.setWidth("min(44rem, 95vw)");
        List<ProviderInstances.LogLine> lines = instances.errorLog(p.id(), 50);
        VerticalLayout body = new VerticalLayout();
        body.setId("provider-log-lines");
        if (lines.isEmpty()) {
            body.add(new Span(getTranslation("providers.log-empty")));
        }
        lines.forEach(line -> body.add(new Div(new Span(time(line.at()) + " · " + line.action() + " · "), new Span(line.message()))));
        dialog.add(body);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    ProviderEditor editor(ProviderView existing) {
        ProviderEditor editor = new ProviderEditor(instances, existing);
        editor.onSaved(() -> {
            Feedback.success(getTranslation("providers.saved"));
            refresh();
        });
        editor.open();
        return editor;
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
        refresh();
    }

    private String actor() {
        return currentUser.email().orElse("staff");
    }

    private String time(Instant at) {
        return ReaderFormat.dateTime(this, at, getTranslation("providers.never"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("providers.title");
    }
}
