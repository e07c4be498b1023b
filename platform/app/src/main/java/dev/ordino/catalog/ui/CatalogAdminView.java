package dev.ordino.catalog.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategoryForm;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.Platform;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/** Categories and offerings: create, edit, enable/disable, prices and limits, with field errors. */
@Route(value = "admin/catalog", layout = AdminLayout.class)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class CatalogAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<CategorySummary> categories = new Grid<>();
    final Grid<OfferingView> offerings = new Grid<>();
    final TextField search = new TextField();
    private final CatalogService catalog;
    private final OfferingCosts costs;
    private final Map<Long, OfferingCosts.ProviderRate> rates = new HashMap<>();

    public CatalogAdminView(CatalogService catalog, ObjectProvider<OfferingCosts> offeringCosts) {
        this.catalog = catalog;
        this.costs = offeringCosts.getIfAvailable();
        Button newCategory = new Button(getTranslation("admin.catalog.new-category"), e -> editCategory(null));
        newCategory.setId("new-category");
        categories.setId("categories-grid");
        categories.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        categories.addColumn(CategorySummary::name).setHeader(getTranslation("admin.catalog.name"));
        categories.addColumn(CategorySummary::slug).setHeader("Slug");
        categories.addColumn(c -> c.platform().key()).setHeader(getTranslation("admin.catalog.platform"));
        categories.addColumn(CategorySummary::productCount).setHeader(getTranslation("admin.catalog.active-items"));
        categories.addColumn(c -> getTranslation(c.active() ? "admin.users.active" : "admin.users.disabled"))
                .setHeader(getTranslation("admin.users.state"));
        categories.setItems(catalog.categories(true)); // a handful of rows, not a growing table
        categories.setAllRowsVisible(true);
        categories.addItemClickListener(e -> editCategory(e.getItem()));

        Button newOffering = new Button(getTranslation("admin.catalog.new-offering"), e -> editOffering(null));
        newOffering.setId("new-offering");
        offerings.setId("offerings-admin-grid");
        offerings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        offerings.addColumn(OfferingView::name).setHeader(getTranslation("admin.catalog.name")).setSortable(false);
        offerings.addColumn(OfferingView::categoryName).setHeader(getTranslation("admin.catalog.category"));
        offerings.addColumn(o -> getTranslation("kind." + o.kind().key())).setHeader(getTranslation("admin.catalog.type"));
        // SMM services per 1000, as the storefront shows them; cost and margin for the same quantity
        offerings.addColumn(o -> o.kind().isSmm() ? getTranslation("price.per-thousand", catalog.priceLabel(o), OfferingView.SMM_DISPLAY_UNITS)
                : catalog.priceLabel(o)).setHeader(getTranslation("admin.catalog.price")).setKey("price");
        offerings.addColumn(o -> cost(o) == null ? "–" : format(cost(o))).setHeader(getTranslation("admin.catalog.provider-cost"))
                .setKey("cost");
        offerings.addColumn(o -> cost(o) == null ? "–" : format(o.displayPrice().subtract(cost(o)))).setHeader(getTranslation("admin.orders.margin"))
                .setKey("margin");
        offerings.addColumn(o -> o.minQuantity() + "–" + o.maxQuantity()).setHeader(getTranslation("admin.catalog.limits"));
        offerings.addColumn(o -> getTranslation(o.active() ? "admin.users.active" : "admin.users.disabled"))
                .setHeader(getTranslation("admin.users.state"));
        offerings.setItemsPageable(p -> {
            List<OfferingView> page = catalog.offerings(new OfferingFilter(null, null, search.getValue(), true), p).getContent();
            if (costs != null) {
                rates.putAll(costs.rates(page.stream().map(OfferingView::id).toList())); // one query per page
            }
            return page;
        });
        search.setId("offerings-search");
        search.setPlaceholder(getTranslation("admin.catalog.search"));
        search.setAriaLabel(getTranslation("admin.catalog.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("min(100%, 24rem)");
        search.addValueChangeListener(e -> offerings.getDataProvider().refreshAll());
        offerings.addItemClickListener(e -> editOffering(e.getItem()));
        offerings.setHeight("50vh");
        add(new H3(getTranslation("admin.catalog.categories")), newCategory, categories,
                new H3(getTranslation("admin.catalog.offerings")), new HorizontalLayout(newOffering, search), offerings);
    }

    private void editCategory(CategorySummary existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "admin.catalog.new-category" : "admin.catalog.edit"));
        TextField name = new TextField(getTranslation("admin.catalog.name"));
        TextField slug = new TextField("Slug");
        Select<Platform> platform = new Select<>();
        platform.setLabel(getTranslation("admin.catalog.platform"));
        platform.setItems(Platform.values());
        platform.setItemLabelGenerator(Platform::key);
        IntegerField order = new IntegerField(getTranslation("admin.catalog.sort"));
        Checkbox active = new Checkbox(getTranslation("admin.catalog.active"), true);
        if (existing != null) {
            name.setValue(existing.name());
            slug.setValue(existing.slug());
            platform.setValue(existing.platform());
            order.setValue(existing.sortOrder());
            active.setValue(existing.active());
        } else {
            platform.setValue(Platform.OTHER);
            order.setValue(100);
        }
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                catalog.saveCategory(new CategoryForm(existing == null ? null : existing.id(), name.getValue(), slug.getValue(),
                        platform.getValue(), order.getValue() == null ? 0 : order.getValue(), active.getValue()));
                dialog.close();
                categories.setItems(catalog.categories(true));
                saved();
            } catch (DomainException ex) {
                showError(ex, Map.of("name", name, "slug", slug));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, slug, platform, order, active));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    void editOffering(OfferingView existing) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(existing == null ? "admin.catalog.new-offering" : "admin.catalog.edit"));
        ComboBox<CategorySummary> category = new ComboBox<>(getTranslation("admin.catalog.category"));
        category.setItems(catalog.categories(true));
        category.setItemLabelGenerator(CategorySummary::name);
        Select<OfferingKind> kind = new Select<>();
        kind.setLabel(getTranslation("admin.catalog.type"));
        kind.setItems(OfferingKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.key()));
        TextField name = new TextField(getTranslation("admin.catalog.name"));
        TextArea description = new TextArea(getTranslation("admin.catalog.description"));
        BigDecimalField price = new BigDecimalField(getTranslation("admin.catalog.price"));
        IntegerField per = new IntegerField(getTranslation("admin.catalog.per"));
        IntegerField min = new IntegerField(getTranslation("admin.catalog.min"));
        IntegerField max = new IntegerField(getTranslation("admin.catalog.max"));
        TextField delivery = new TextField(getTranslation("admin.catalog.delivery"));
        IntegerField refill = new IntegerField(getTranslation("admin.catalog.refill"));
        IntegerField stock = new IntegerField(getTranslation("admin.catalog.stock"));
        Checkbox cancelAllowed = new Checkbox(getTranslation("admin.catalog.cancel-allowed"));
        Checkbox active = new Checkbox(getTranslation("admin.catalog.active"), true);
        OfferingForm form = existing == null ? null : OfferingForm.of(existing);
        if (form != null) {
            category.setValue(catalog.categories(true).stream().filter(c -> c.id() == form.categoryId()).findFirst().orElse(null));
            kind.setValue(form.kind());
            name.setValue(form.name());
            description.setValue(form.description() == null ? "" : form.description());
            price.setValue(form.price());
            per.setValue(form.pricePer());
            min.setValue(form.minQuantity().intValue());
            max.setValue(form.maxQuantity().intValue());
            delivery.setValue(form.deliveryTime() == null ? "" : form.deliveryTime());
            refill.setValue(form.refillDays());
            stock.setValue(form.stock());
            cancelAllowed.setValue(form.cancelAllowed());
            active.setValue(form.active());
        } else {
            // What SMM panels sell by: a price per 1000, from 10 up to what a provider usually takes.
            kind.setValue(OfferingKind.SERVICE);
            per.setValue(1000);
            min.setValue(10);
            max.setValue(10_000);
        }
        OfferingCosts.ProviderRate rate = existing == null ? null : rates.get(existing.id());
        if (rate != null) {
            price.setHelperText(getTranslation("admin.catalog.cost-help", format(rate.costPer(form.pricePer())), rate.provider()));
            max.setHelperText(getTranslation("admin.catalog.provider-limits", rate.minQuantity(), rate.maxQuantity()));
            if (form.maxQuantity() > rate.maxQuantity()) {
                max.setValue((int) Math.min(Integer.MAX_VALUE, rate.maxQuantity()));
            }
        }
        kind.addValueChangeListener(e -> {
            if (existing == null && e.getValue() != OfferingKind.SERVICE) {
                per.setValue(1);
                min.setValue(1);
                max.setValue(1);
            }
        });
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                catalog.saveOffering(new OfferingForm(existing == null ? null : existing.id(),
                        category.getValue() == null ? null : category.getValue().id(), kind.getValue(), name.getValue(),
                        description.getValue(), price.getValue(), per.getValue(), min.getValue() == null ? null : min.getValue().longValue(),
                        max.getValue() == null ? null : max.getValue().longValue(), delivery.getValue(), refill.getValue(),
                        cancelAllowed.getValue(), stock.getValue(), null, active.getValue()));
                dialog.close();
                offerings.getDataProvider().refreshAll();
                categories.setItems(catalog.categories(true));
                saved();
            } catch (DomainException ex) {
                showError(ex, Map.of("categoryId", category, "kind", kind, "name", name, "price", price, "pricePer", per,
                        "minQuantity", min, "stock", stock));
            }
        });
        save.setId("offering-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(category, kind, name, description, price, per, min, max, delivery, refill, stock, cancelAllowed, active));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** The provider's cost of what the shown price buys (1000 units of an SMM service), or null when no provider fulfils it. */
    private BigDecimal cost(OfferingView o) {
        OfferingCosts.ProviderRate rate = rates.get(o.id());
        return rate == null ? null : rate.costPer(o.kind().isSmm() ? OfferingView.SMM_DISPLAY_UNITS : o.pricePer());
    }

    private String format(BigDecimal amount) {
        NumberFormat number = NumberFormat.getNumberInstance(getLocale());
        number.setMinimumFractionDigits(2);
        number.setMaximumFractionDigits(4);
        return number.format(amount);
    }

    private void saved() {
        Feedback.success(getTranslation("admin.catalog.saved"));
    }

    private void showError(DomainException e, Map<String, ? extends Component> fields) {
        Component field = e.field() == null ? null : fields.get(e.field());
        String message = Feedback.message(this, e);
        if (field instanceof HasValidation validation) {
            Feedback.invalid(validation, message);
        } else {
            Feedback.error(message);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.catalog.title");
    }
}
