package dev.ordino.catalog.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.ui.CarriedValue;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.PackagePrice;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.catalog.ProductTerms;
import dev.ordino.catalog.WhenOutOfStock;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An offering of any kind: category, type, name, price and what it is per, limits, delivery,
 * refill, stock, and for products how they reach the customer. Each field is bound to the {@link OfferingForm} component of the same name, so a
 * field for a new component is one more line here and a refusal of it lands on it by itself.
 */
class OfferingEditor extends EditorDialog<OfferingForm> {

    final ComboBox<CategorySummary> category = new ComboBox<>();
    final Select<OfferingKind> kind = new Select<>();
    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final BigDecimalField price = new BigDecimalField();
    final IntegerField pricePer = new IntegerField();
    final IntegerField minQuantity = new IntegerField();
    final IntegerField maxQuantity = new IntegerField();
    final TextField deliveryTime = new TextField();
    final IntegerField refillDays = new IntegerField();
    final IntegerField stock = new IntegerField();
    final Checkbox cancelAllowed = new Checkbox();
    final Checkbox active = new Checkbox();
    final ProductTermsFields terms;
    private final CatalogService catalog;
    private final ProductOptions options;

    /** @param rate what a provider charges for it, when one fulfils it (helper texts), or null */
    OfferingEditor(CatalogService catalog, ProductOptions options, OfferingView existing, OfferingCosts.ProviderRate rate,
                   Function<BigDecimal, String> money) {
        super(OfferingForm.class, "", "offering");
        this.catalog = catalog;
        this.options = options;
        // Pickup/delivery and the product's own fee live beside the offering (ProductOptions), not in its record.
        terms = new ProductTermsFields(existing == null ? ProductTerms.ANY : options.terms(existing.id()));
        terms.setVisible(existing != null && existing.kind() == OfferingKind.PRODUCT);
        errors.withFields(field -> "deliveryFee".equals(field) ? Optional.of(terms.deliveryFee) : Optional.empty());
        setHeaderTitle(getTranslation(existing == null ? "admin.catalog.new-offering" : "admin.catalog.edit"));
        List<CategorySummary> categories = catalog.categories(true); // a handful of rows, not a growing table
        category.setLabel(getTranslation("admin.catalog.category"));
        category.setItems(categories);
        category.setItemLabelGenerator(CategorySummary::name);
        kind.setLabel(getTranslation("admin.catalog.type"));
        kind.setItems(OfferingKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.key()));
        name.setLabel(getTranslation("admin.catalog.name"));
        description.setLabel(getTranslation("admin.catalog.description"));
        price.setLabel(getTranslation("admin.catalog.price"));
        pricePer.setLabel(getTranslation("admin.catalog.per"));
        minQuantity.setLabel(getTranslation("admin.catalog.min"));
        maxQuantity.setLabel(getTranslation("admin.catalog.max"));
        deliveryTime.setLabel(getTranslation("admin.catalog.delivery"));
        refillDays.setLabel(getTranslation("admin.catalog.refill"));
        stock.setLabel(getTranslation("admin.catalog.stock"));
        cancelAllowed.setLabel(getTranslation("admin.catalog.cancel-allowed"));
        active.setLabel(getTranslation("admin.catalog.active"));
        for (HasValue<?, ?> required : List.<HasValue<?, ?>>of(category, kind, name, price)) {
            required.setRequiredIndicatorVisible(true);
        }
        fields.add(category, kind, name, description, price, pricePer, minQuantity, maxQuantity, deliveryTime, refillDays, stock,
                terms, cancelAllowed, active);

        binder.forField(CarriedValue.<Long>kept()).bind("id");
        binder.forField(category).withConverter(c -> c == null ? null : c.id(),
                id -> categories.stream().filter(c -> id != null && c.id() == id).findFirst().orElse(null)).bind("categoryId");
        binder.forField(kind).bind("kind");
        binder.forField(name).bind("name");
        binder.forField(description).bind("description");
        binder.forField(price).bind("price");
        binder.forField(pricePer).bind("pricePer");
        binder.forField(minQuantity).withConverter(OfferingEditor::wide, OfferingEditor::narrow).bind("minQuantity");
        binder.forField(maxQuantity).withConverter(OfferingEditor::wide, OfferingEditor::narrow).bind("maxQuantity");
        binder.forField(deliveryTime).bind("deliveryTime");
        binder.forField(refillDays).bind("refillDays");
        binder.forField(cancelAllowed).bind("cancelAllowed");
        binder.forField(stock).bind("stock");
        binder.forField(CarriedValue.<String>kept()).bind("imageUrl"); // set through the API, kept as it is here
        // A digital offering's packages and stock rules are kept as they are (set through the API).
        binder.forField(CarriedValue.<List<PackagePrice>>kept()).bind("packages");
        binder.forField(CarriedValue.<Integer>kept()).bind("lowStockThreshold");
        binder.forField(CarriedValue.<WhenOutOfStock>kept()).bind("whenOutOfStock");
        binder.forField(active).bind("active");

        // What SMM panels sell by: a price per 1000, from 10 up to what a provider usually takes.
        binder.readRecord(existing == null ? OfferingForm.perUnit(null, null, OfferingKind.SERVICE, "", "", null, 1000, 10L, 10_000L,
                "", null, false, null, null, true) : OfferingForm.of(existing));
        kind.addValueChangeListener(e -> terms.setVisible(e.getValue() == OfferingKind.PRODUCT));
        if (existing == null) {
            kind.addValueChangeListener(e -> {
                if (e.getValue() != OfferingKind.SERVICE) {
                    pricePer.setValue(1);
                    minQuantity.setValue(1);
                    maxQuantity.setValue(1);
                }
            });
        }
        if (rate != null) {
            price.setHelperText(getTranslation("admin.catalog.cost-help", money.apply(rate.costPer(existing.pricePer())), rate.provider()));
            maxQuantity.setHelperText(getTranslation("admin.catalog.provider-limits", rate.minQuantity(), rate.maxQuantity()));
            if (existing.maxQuantity() > rate.maxQuantity()) {
                maxQuantity.setValue(narrow(rate.maxQuantity()));
            }
        }
    }

    @Override
    protected void store(OfferingForm offering) {
        ProductTerms chosen = terms.value();
        if (offering.kind() == OfferingKind.PRODUCT) {
            ProductOptions.check(chosen);
        }
        OfferingView saved = catalog.saveOffering(offering);
        if (saved.kind() == OfferingKind.PRODUCT) {
            options.save(saved.id(), chosen);
        }
    }

    private static Long wide(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Integer narrow(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
