package dev.ordino.fulfilment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.fulfilment.ProviderCatalog;
import dev.ordino.fulfilment.ProviderInstances;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.plugin.api.ProviderService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which provider services fulfil an SMM offering, first preferred first: pick the offering,
 * add a service from a provider's live list, move entries up or down, remove, save. Staff see
 * the list only. Nothing is stored until "Save", so a half-done reorder never reaches orders.
 */
class ServiceMappingEditor extends VerticalLayout {

    final ComboBox<OfferingView> offering = new ComboBox<>();
    final VerticalLayout rows = new VerticalLayout();
    final Div empty = new Div();
    final ComboBox<ProviderView> provider = new ComboBox<>();
    final ComboBox<ProviderService> service = new ComboBox<>();
    final Button add = new Button();
    final Button save = new Button();
    final FlexLayout editing = new FlexLayout();

    private final ProviderCatalog catalog;
    private final ProviderInstances instances;
    private final boolean editable;
    /** The entries as edited, in order; saved as they stand. */
    private final List<ProviderCatalog.Mapping> draft = new ArrayList<>();
    /** Instances by id, for the picker and the rows' currency: a handful, so loaded whole with each offering. */
    private Map<Long, ProviderView> providers = Map.of();

    ServiceMappingEditor(ProviderCatalog catalog, ProviderInstances instances, CatalogService offerings, boolean editable) {
        this.catalog = catalog;
        this.instances = instances;
        this.editable = editable;
        setId("mapping-editor");
        setPadding(false);
        setSpacing(false);

        offering.setLabel(getTranslation("providers.mapping.offering"));
        offering.setId("mapping-offering");
        offering.setPlaceholder(getTranslation("providers.mapping.offering-placeholder"));
        offering.setWidthFull();
        offering.setClearButtonVisible(true);
        offering.setItemLabelGenerator(o -> o.name() + " · " + o.categoryName()
                + (o.active() ? "" : " (" + getTranslation("providers.mapping.inactive") + ")"));
        // Searched and paged on the server: a catalog can hold thousands of services.
        offering.setItemsPageable((pageable, text) -> offerings.offerings(
                new OfferingFilter(null, OfferingKind.SERVICE, text, true), pageable).getContent());
        offering.addValueChangeListener(e -> load(e.getValue()));

        rows.setId("mapping-rows");
        rows.setPadding(false);
        rows.setSpacing(false);
        empty.setId("mapping-empty");
        empty.addClassName("ordino-muted");

        provider.setLabel(getTranslation("providers.mapping.provider"));
        provider.setId("mapping-provider");
        provider.setItemLabelGenerator(ProviderView::name);
        provider.addValueChangeListener(e -> loadServices(e.getValue()));
        service.setLabel(getTranslation("providers.mapping.service"));
        service.setId("mapping-service");
        service.setPlaceholder(getTranslation("providers.mapping.service-placeholder"));
        service.setItemLabelGenerator(s -> s.id() + " · " + s.name() + " · " + s.rate().toPlainString());
        service.setEnabled(false);
        add.setText(getTranslation("providers.mapping.add"));
        add.setId("mapping-add");
        add.addClickListener(e -> addMapping());
        save.setText(getTranslation("action.save"));
        save.setId("mapping-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        // One column on a phone; side by side where there is room.
        editing.setId("mapping-add-form");
        editing.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        editing.setAlignItems(Alignment.BASELINE);
        editing.getStyle().set("gap", "0 var(--lumo-space-s)");
        editing.setWidthFull();
        provider.getStyle().set("flex", "1 1 12rem").set("min-width", "0");
        service.getStyle().set("flex", "2 1 16rem").set("min-width", "0");
        editing.add(provider, service, add);
        editing.setVisible(false);
        save.setVisible(false);

        Paragraph help = new Paragraph(getTranslation(editable ? "providers.mapping.help" : "providers.mapping.help-read-only"));
        help.addClassName("ordino-muted");
        add(new H3(getTranslation("providers.mapping.title")), help, offering, empty, rows, editing, save);
        show();
    }

    /** The offering's saved mappings become the draft. */
    void load(OfferingView chosen) {
        draft.clear();
        offering.setInvalid(false);
        if (chosen != null) {
            draft.addAll(catalog.mappings(chosen.id()));
            List<ProviderView> listed = instances.list();
            provider.setItems(listed);
            providers = listed.stream().collect(Collectors.toMap(ProviderView::id, Function.identity()));
        }
        editing.setVisible(editable && chosen != null);
        save.setVisible(editable && chosen != null);
        show();
    }

    private void loadServices(ProviderView chosen) {
        service.clear();
        service.setEnabled(false);
        provider.setInvalid(false);
        if (chosen == null) {
            return;
        }
        try {
            List<ProviderService> listed = catalog.services(chosen.id());
            service.setItems((s, text) -> text == null || text.isBlank() || matches(s, text), listed);
            service.setEnabled(true);
        } catch (DomainException e) {
            Feedback.invalid(provider, getTranslation("providers.mapping.services-failed", Feedback.message(this, e),
                    e.getMessage() == null ? "" : e.getMessage()));
        }
    }

    private static boolean matches(ProviderService s, String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return s.id().toLowerCase(Locale.ROOT).contains(wanted)
                || (s.name() != null && s.name().toLowerCase(Locale.ROOT).contains(wanted));
    }

    void addMapping() {
        ProviderView from = provider.getValue();
        ProviderService chosen = service.getValue();
        if (from == null || chosen == null) {
            Feedback.invalid(from == null ? provider : service, getTranslation("providers.mapping.choose-service"));
            return;
        }
        draft.add(new ProviderCatalog.Mapping(from.id(), from.name(), chosen.id(), chosen.name(), chosen.rate(), null,
                chosen.min(), chosen.max(), chosen.refill(), chosen.cancel(), false, draft.size()));
        service.clear();
        show();
    }

    void move(int index, int by) {
        int to = index + by;
        if (to >= 0 && to < draft.size()) {
            Collections.swap(draft, index, to);
            show();
        }
    }

    void remove(int index) {
        draft.remove(index);
        show();
    }

    void save() {
        OfferingView chosen = offering.getValue();
        if (chosen == null) {
            Feedback.invalid(offering, getTranslation("providers.mapping.choose-offering"));
            return;
        }
        List<ProviderCatalog.MappingForm> forms = draft.stream()
                .map(m -> new ProviderCatalog.MappingForm(m.providerId(), m.serviceId())).toList();
        try {
            List<ProviderCatalog.Mapping> saved = catalog.setMappings(chosen.id(), forms);
            draft.clear();
            draft.addAll(saved);
            show();
            Feedback.success(getTranslation("providers.mapping.saved", saved.size()));
        } catch (DomainException e) {
            if ("id".equals(e.field())) {
                Feedback.invalid(offering, Feedback.message(this, e));
            } else {
                Feedback.error(Feedback.message(this, e));
            }
        }
    }

    /** The draft, in order. */
    List<ProviderCatalog.Mapping> entries() {
        return List.copyOf(draft);
    }

    private void show() {
        rows.removeAll();
        for (int i = 0; i < draft.size(); i++) {
            rows.add(row(i, draft.get(i)));
        }
        empty.setText(getTranslation(offering.getValue() == null ? "providers.mapping.none-chosen" : "providers.mapping.empty"));
        empty.setVisible(draft.isEmpty());
    }

    private Div row(int index, ProviderCatalog.Mapping m) {
        Span title = new Span((index + 1) + ". " + m.providerName() + " · " + m.serviceId()
                + (m.serviceName() == null ? "" : " · " + m.serviceName()));
        title.getStyle().set("font-weight", "600");
        Span rate = new Span(getTranslation("providers.mapping.rate", plain(m.rate()), currencyOf(m.providerId())));
        rate.addClassName("ordino-muted");
        FlexLayout facts = new FlexLayout(rate);
        facts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        facts.getStyle().set("gap", "var(--lumo-space-xs) var(--lumo-space-s)");
        if (m.previousRate() != null) {
            facts.add(flag("mapping-price-rose", getTranslation("providers.mapping.price-rose", plain(m.previousRate()))));
        }
        if (m.vanished()) {
            facts.add(flag("mapping-vanished", getTranslation("providers.mapping.vanished")));
        }
        Div row = new Div(title, facts);
        row.addClassNames("ordino-card", "mapping-row");
        row.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("margin-bottom", "var(--lumo-space-s)");
        if (editable) {
            Button up = rowButton(VaadinIcon.ARROW_UP, "providers.mapping.up", "mapping-up", () -> move(index, -1));
            up.setEnabled(index > 0);
            Button down = rowButton(VaadinIcon.ARROW_DOWN, "providers.mapping.down", "mapping-down", () -> move(index, 1));
            down.setEnabled(index < draft.size() - 1);
            Button remove = rowButton(VaadinIcon.TRASH, "providers.mapping.remove", "mapping-remove", () -> remove(index));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            FlexLayout buttons = new FlexLayout(up, down, remove);
            buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            buttons.getStyle().set("gap", "var(--lumo-space-xs)");
            row.add(buttons);
        }
        return row;
    }

    private Button rowButton(VaadinIcon icon, String key, String className, Runnable action) {
        Button button = new Button(getTranslation(key), icon.create(), e -> action.run());
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private static Span flag(String className, String text) {
        Span flag = new Span(text);
        flag.addClassNames("ordino-state", className);
        flag.getElement().setAttribute("data-state", "FAILED");
        return flag;
    }

    private String currencyOf(long providerId) {
        ProviderView p = providers.get(providerId);
        return p == null || p.currency() == null ? "" : p.currency();
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "—" : amount.stripTrailingZeros().toPlainString();
    }
}
