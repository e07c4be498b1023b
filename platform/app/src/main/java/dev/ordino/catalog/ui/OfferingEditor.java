package dev.ordino.catalog.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.CarriedValue;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.PackagePrice;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.catalog.ProductTerms;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Function;

/**
 * An offering of any kind: category, type, name, price and what it is per, limits, delivery,
 * refill, stock, for digital goods their packages (one "size = price" a line), low-stock threshold and what
 * a paid line does when codes run out, and for products how they reach the customer. Each field is bound to the {@link OfferingForm} component of the same name, so a
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
    final TextArea packages = new TextArea();
    final IntegerField lowStockThreshold = new IntegerField();
    final Select<WhenOutOfStock> whenOutOfStock = new Select<>();
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
        packages.setLabel(getTranslation("admin.catalog.packages"));
        packages.setHelperText(getTranslation("admin.catalog.packages-help"));
        packages.setPlaceholder("1 = 5.00\n5 = 22.50");
        lowStockThreshold.setLabel(getTranslation("admin.catalog.low-stock"));
        whenOutOfStock.setLabel(getTranslation("admin.catalog.when-out-of-stock"));
        whenOutOfStock.setItems(WhenOutOfStock.values());
        whenOutOfStock.setItemLabelGenerator(w -> w == null ? "" : getTranslation("admin.catalog.when-out-of-stock." + w.key()));
        for (HasValue<?, ?> required : List.<HasValue<?, ?>>of(category, kind, name, price)) {
            required.setRequiredIndicatorVisible(true);
        }
        fields.add(category, kind, name, description, price, pricePer, minQuantity, maxQuantity, deliveryTime, refillDays, stock,
                packages, lowStockThreshold, whenOutOfStock, terms, cancelAllowed, active);

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
        binder.forField(active).bind("active");
        // Only a digital offering has packages: for the other kinds the field is hidden and keeps what is stored.
        binder.forField(packages).withConverter(Converter.from(this::packageList, OfferingEditor::packageLines)).bind("packages");
        binder.forField(lowStockThreshold).bind("lowStockThreshold");
        binder.forField(whenOutOfStock).bind("whenOutOfStock");

        // What SMM panels sell by: a price per 1000, from 10 up to what a provider usually takes.
        binder.readRecord(existing == null ? OfferingForm.perUnit(null, null, OfferingKind.SERVICE, "", "", null, 1000, 10L, 10_000L,
                "", null, false, null, null, true) : OfferingForm.of(existing));
        showDigital(kind.getValue());
        kind.addValueChangeListener(e -> {
            terms.setVisible(e.getValue() == OfferingKind.PRODUCT);
            showDigital(e.getValue());
        });
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

    /** The catalog's {@code invalid_package} names no package; here it says what a package needs. */
    @Override
    protected void refused(DomainException refusal) {
        if ("invalid_package".equals(refusal.code())) {
            errors.show(refusal, getTranslation("admin.catalog.packages-invalid"));
        } else {
            errors.show(refusal);
        }
    }

    private void showDigital(OfferingKind chosen) {
        boolean digital = chosen == OfferingKind.DIGITAL;
        packages.setVisible(digital);
        lowStockThreshold.setVisible(digital);
        whenOutOfStock.setVisible(digital);
    }

    /** Lines of "size = price"; blank lines are skipped, none at all means no packages. Sizes and prices are the catalog's to judge. */
    private Result<List<PackagePrice>> packageList(String text) {
        if (text == null || kind.getValue() != OfferingKind.DIGITAL) {
            return Result.ok(null);
        }
        List<PackagePrice> list = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("=", 2);
            try {
                list.add(new PackagePrice(Long.parseLong(parts[0].strip()), new BigDecimal(parts[1].strip().replace(',', '.'))));
            } catch (RuntimeException e) {
                return Result.error(getTranslation("admin.catalog.packages-format", line.strip()));
            }
        }
        return Result.ok(list);
    }

    private static String packageLines(List<PackagePrice> list) {
        return list == null ? "" : list.stream().map(p -> p.size() + " = " + p.price().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("\n"));
    }

    private static Long wide(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Integer narrow(Long value) {
        return value == null ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
