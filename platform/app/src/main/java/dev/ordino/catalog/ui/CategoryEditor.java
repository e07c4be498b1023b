package dev.ordino.catalog.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.ui.CarriedValue;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategoryForm;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.Platform;

/** A category's name, slug, platform, place in the list and whether the shop shows it. */
class CategoryEditor extends EditorDialog<CategoryForm> {

    final TextField name = new TextField();
    final TextField slug = new TextField(getTranslation("admin.catalog.slug"));
    final Select<Platform> platform = new Select<>();
    final IntegerField sortOrder = new IntegerField();
    final Checkbox active = new Checkbox();
    private final CatalogService catalog;

    CategoryEditor(CatalogService catalog, CategorySummary existing) {
        super(CategoryForm.class, "", "category");
        this.catalog = catalog;
        setHeaderTitle(getTranslation(existing == null ? "admin.catalog.new-category" : "admin.catalog.edit"));
        name.setLabel(getTranslation("admin.catalog.name"));
        name.setId("category-name");
        name.setRequiredIndicatorVisible(true);
        slug.setId("category-slug");
        platform.setLabel(getTranslation("admin.catalog.platform"));
        platform.setItems(Platform.values());
        platform.setItemLabelGenerator(Platform::key);
        sortOrder.setLabel(getTranslation("admin.catalog.sort"));
        active.setLabel(getTranslation("admin.catalog.active"));
        fields.add(name, slug, platform, sortOrder, active);

        binder.forField(CarriedValue.<Long>kept()).bind("id");
        binder.forField(name).bind("name");
        binder.forField(slug).bind("slug");
        binder.forField(platform).bind("platform");
        // An empty place in the list sorts first, as it always did.
        binder.forField(sortOrder).withConverter(order -> order == null ? 0 : order, order -> order).bind("sortOrder");
        binder.forField(active).bind("active");
        binder.readRecord(existing == null ? new CategoryForm(null, "", "", Platform.OTHER, 100, true)
                : new CategoryForm(existing.id(), existing.name(), existing.slug(), existing.platform(), existing.sortOrder(),
                existing.active()));
    }

    @Override
    protected void store(CategoryForm category) {
        catalog.saveCategory(category);
    }
}
