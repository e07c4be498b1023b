package dev.ordino.ordering.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.OrderService;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.Optional;

/** The catalog: category tiles with counts, search and type filter, then the offerings as cards. */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
public class ShopView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Select<OfferingKind> kind = new Select<>();
    final Grid<OfferingView> offerings = new Grid<>();
    final FlexLayout tiles = new FlexLayout();
    private String category;

    private final CatalogService catalog;
    private final OrderService orders;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private final Cart cart;

    public ShopView(CatalogService catalog, OrderService orders, WalletService wallet, StoreCurrency currency,
                    CurrentUser currentUser, Cart cart) {
        this.catalog = catalog;
        this.orders = orders;
        this.wallet = wallet;
        this.currency = currency;
        this.currentUser = currentUser;
        this.cart = cart;
        addClassName("ordino-page");
        setPadding(false);

        H2 title = new H2(getTranslation("shop.title"));
        title.getStyle().set("margin", "0");
        tiles.setId("category-tiles");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-s)");
        renderTiles();

        search.setId("shop-search");
        search.setPlaceholder(getTranslation("shop.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> offerings.getDataProvider().refreshAll());
        kind.setId("shop-kind");
        kind.setPlaceholder(getTranslation("shop.all-types"));
        kind.setItems(OfferingKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("shop.all-types"));
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("shop.all-types") : getTranslation("kind." + k.key()));
        kind.addValueChangeListener(e -> offerings.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(search, kind);
        filters.setWidthFull();
        filters.setFlexGrow(1, search);
        filters.getStyle().set("flex-wrap", "wrap");

        offerings.setId("offerings");
        offerings.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        offerings.addColumn(new ComponentRenderer<>(this::card)).setKey("offering");
        offerings.setItemsPageable(pageable -> catalog.offerings(filter(), pageable).getContent());
        offerings.setAllRowsVisible(false);
        offerings.setHeight("70vh");
        offerings.setEmptyStateText(getTranslation("shop.empty"));

        add(title, tiles, filters, offerings);
    }

    OfferingFilter filter() {
        return new OfferingFilter(category, kind.getValue(), search.getValue(), false);
    }

    void selectCategory(String slug) {
        category = slug;
        renderTiles();
        offerings.getDataProvider().refreshAll();
    }

    private void renderTiles() {
        tiles.removeAll();
        tiles.add(tile(null, getTranslation("shop.all"), -1));
        for (CategorySummary c : catalog.categories(false)) {
            tiles.add(tile(c.slug(), c.name(), c.productCount()));
        }
    }

    private Button tile(String slug, String name, long count) {
        Button tile = new Button(count < 0 ? name : name + " · " + count, e -> selectCategory(slug));
        tile.setId("category-" + (slug == null ? "all" : slug));
        tile.addThemeVariants(java.util.Objects.equals(slug, category) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        return tile;
    }

    private Div card(OfferingView o) {
        Span name = new Span(o.name());
        name.getStyle().set("font-weight", "600");
        Span price = new Span(catalog.priceLabel(o));
        price.getStyle().set("color", "var(--lumo-primary-text-color)").set("font-weight", "600");
        Div facts = new Div();
        facts.addClassName("ordino-muted");
        StringBuilder text = new StringBuilder(getTranslation("kind." + o.kind().key()) + " · " + o.categoryName());
        if (o.kind().isSmm() || o.maxQuantity() > 1) {
            text.append(" · ").append(getTranslation("shop.min-max", o.minQuantity(), o.maxQuantity()));
        }
        if (o.deliveryTime() != null) {
            text.append(" · ").append(getTranslation("shop.delivery", o.deliveryTime()));
        }
        if (o.refillDays() > 0) {
            text.append(" · ").append(getTranslation("shop.refill", o.refillDays()));
        }
        if (o.stock() != null) {
            text.append(" · ").append(getTranslation("shop.stock", o.stock()));
        }
        facts.setText(text.toString());
        Button order = new Button(getTranslation(o.inStock() ? "shop.order" : "shop.out-of-stock"), e -> openOrder(o));
        order.setId("order-" + o.id());
        order.setEnabled(o.inStock());
        order.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        order.getStyle().set("align-self", "flex-start").set("min-width", "8rem");
        HorizontalLayout head = new HorizontalLayout(name, price);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.getStyle().set("flex-wrap", "wrap");
        Div card = new Div(head, facts);
        if (o.description() != null) {
            Div description = new Div(o.description());
            description.getStyle().set("font-size", "var(--lumo-font-size-s)");
            card.add(description);
        }
        card.add(order);
        card.addClassName("ordino-card");
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        return card;
    }

    OrderDialog openOrder(OfferingView offering) {
        Optional<Long> id = currentUser.id();
        BigDecimal balance = id.map(wallet::balance).orElse(BigDecimal.ZERO);
        OrderDialog dialog = new OrderDialog(offering, orders, currency, cart, id.orElse(null), currentUser.email().orElse(null), balance);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shop.title") + " · " + getTranslation("app.name");
    }
}
