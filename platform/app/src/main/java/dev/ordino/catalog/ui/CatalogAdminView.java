package dev.ordino.catalog.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.SmallScreens;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingCosts;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.ProductOptions;
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
    private final ProductOptions options;
    private final OfferingCosts costs;
    private final Map<Long, OfferingCosts.ProviderRate> rates = new HashMap<>();

    public CatalogAdminView(CatalogService catalog, ObjectProvider<OfferingCosts> offeringCosts, ProductOptions options) {
        this.catalog = catalog;
        this.options = options;
        this.costs = offeringCosts.getIfAvailable();
        Button newCategory = new Button(getTranslation("admin.catalog.new-category"), e -> editCategory(null));
        newCategory.setId("new-category");
        categories.setId("categories-grid");
        categories.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        categories.addColumn(CategorySummary::name).setHeader(getTranslation("admin.catalog.name"));
        categories.addColumn(CategorySummary::slug).setHeader(getTranslation("admin.catalog.slug")).setKey("slug");
        categories.addColumn(c -> c.platform().key()).setHeader(getTranslation("admin.catalog.platform")).setKey("platform");
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
        offerings.addColumn(this::price).setHeader(getTranslation("admin.catalog.price")).setKey("price");
        offerings.addColumn(o -> cost(o) == null ? "–" : format(cost(o))).setHeader(getTranslation("admin.catalog.provider-cost"))
                .setKey("cost");
        offerings.addColumn(o -> cost(o) == null ? "–" : format(o.displayPrice().subtract(cost(o)))).setHeader(getTranslation("admin.orders.margin"))
                .setKey("margin");
        offerings.addColumn(o -> o.minQuantity() + "–" + o.maxQuantity()).setHeader(getTranslation("admin.catalog.limits"));
        offerings.addColumn(o -> getTranslation(o.active() ? "admin.users.active" : "admin.users.disabled"))
                .setHeader(getTranslation("admin.users.state"));
        // On a phone one two-line cell replaces the wide columns: name, then price, category and state.
        offerings.addColumn(new ComponentRenderer<>(this::summary)).setHeader(getTranslation("admin.catalog.offerings"))
                .setKey(SmallScreens.SUMMARY).setVisible(false);
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

    private String price(OfferingView o) {
        return o.kind().isSmm() ? getTranslation("price.per-thousand", catalog.priceLabel(o), OfferingView.SMM_DISPLAY_UNITS)
                : catalog.priceLabel(o);
    }

    private Div summary(OfferingView o) {
        Div name = new Div(o.name());
        name.getStyle().set("font-weight", "600");
        Div facts = new Div(price(o) + " · " + o.categoryName()
                + (o.active() ? "" : " · " + getTranslation("admin.users.disabled")));
        facts.addClassName("ordino-muted");
        Div cell = new Div(name, facts);
        cell.getStyle().set("white-space", "normal");
        return cell;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        SmallScreens.ask(event.getUI(), this::usePhoneLayout);
    }

    /** A phone has room for the summary column only; a laptop for every column. */
    void usePhoneLayout(boolean phone) {
        SmallScreens.fitColumns(offerings, phone, SmallScreens.SUMMARY);
        categories.getColumnByKey("slug").setVisible(!phone);
        categories.getColumnByKey("platform").setVisible(!phone);
    }

    CategoryEditor editCategory(CategorySummary existing) {
        CategoryEditor editor = new CategoryEditor(catalog, existing);
        editor.onSaved(() -> {
            categories.setItems(catalog.categories(true));
            saved();
        });
        editor.open();
        return editor;
    }

    OfferingEditor editOffering(OfferingView existing) {
        OfferingEditor editor = new OfferingEditor(catalog, options, existing, existing == null ? null : rates.get(existing.id()), this::format);
        editor.onSaved(() -> {
            offerings.getDataProvider().refreshAll();
            categories.setItems(catalog.categories(true));
            saved();
        });
        editor.open();
        return editor;
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

    @Override
    public String getPageTitle() {
        return getTranslation("admin.catalog.title");
    }
}
