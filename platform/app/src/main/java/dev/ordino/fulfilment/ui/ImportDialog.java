package dev.ordino.fulfilment.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.fulfilment.ProviderCatalog;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.plugin.api.ProviderService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Imports a provider's services as offerings: all of them or some categories, at a markup. */
public class ImportDialog extends EditorDialog<ImportDialog.Choice> {

    /** What to import (public: the binder reads it by reflection). */
    public record Choice(Boolean all, Set<String> categories, BigDecimal markupPercent) {
    }

    final Checkbox all = new Checkbox();
    final MultiSelectComboBox<String> categories = new MultiSelectComboBox<>();
    final BigDecimalField markupPercent = new BigDecimalField();
    private final ProviderCatalog catalog;
    private final ProviderView provider;
    private final List<ProviderService> services;
    private int imported;

    ImportDialog(ProviderCatalog catalog, ProviderView provider, List<ProviderService> services) {
        super(Choice.class, "", "import");
        this.catalog = catalog;
        this.provider = provider;
        this.services = services;
        setHeaderTitle(getTranslation("providers.import") + " · " + provider.name());
        setWidth("min(40rem, 95vw)");
        save.setText(getTranslation("providers.import"));
        save.setId("import-go");
        all.setLabel(getTranslation("providers.import-all") + " (" + services.size() + ")");
        all.setId("import-all");
        Set<String> names = new TreeSet<>();
        services.forEach(s -> names.add(category(s)));
        categories.setLabel(getTranslation("providers.import-categories"));
        categories.setId("import-categories");
        categories.setItems(names);
        categories.setWidthFull();
        all.addValueChangeListener(e -> categories.setEnabled(!e.getValue()));
        markupPercent.setLabel(getTranslation("providers.markup"));
        markupPercent.setId("import-markup");
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        fields.add(all, categories, markupPercent);
        binder.forField(all).bind("all");
        binder.forField(categories).bind("categories");
        binder.forField(markupPercent).bind("markupPercent");
        binder.readRecord(new Choice(false, Set.of(), provider.markupPercent()));
    }

    /** How many offerings the last import created. */
    int imported() {
        return imported;
    }

    @Override
    protected void store(Choice choice) {
        List<String> ids = services.stream().filter(s -> choice.categories().contains(category(s))).map(ProviderService::id).toList();
        imported = catalog.importServices(provider.id(), ids, choice.all(), choice.markupPercent()).size();
    }

    private static String category(ProviderService service) {
        return service.category() == null ? "Other" : service.category();
    }
}
