package dev.ordino.ordering.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.catalog.CatalogSection;
import dev.ordino.catalog.CatalogSections;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CartService;
import dev.ordino.ordering.OrderService;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;

/**
 * The catalog, phone first: the search box at the top, then one tile per platform with its number
 * of services (and tiles for products, digital goods, custom services), then the chosen tile's
 * categories, then the offerings as cards. What is chosen lives in the address
 * ({@code ?section=instagram&category=instagram-followers&q=likes}), so back, forward and shared
 * links show the same thing.
 */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
public class ShopView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE = 24;

    final TextField search = new TextField();
    final Div tiles = new Div();
    final Div categories = new Div();
    final Div offerings = new Div();
    final Button more = new Button();
    final Span heading = new Span();

    private final CatalogService catalog;
    private final CatalogSections sections;
    private final OrderService orders;
    private final CartService carts;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private CatalogSection section;
    private String category;
    private int pages = 1;

    public ShopView(CatalogService catalog, CatalogSections sections, OrderService orders, CartService carts, WalletService wallet,
                    StoreCurrency currency, CurrentUser currentUser) {
        this.catalog = catalog;
        this.sections = sections;
        this.orders = orders;
        this.carts = carts;
        this.wallet = wallet;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassNames("ordino-page", "ordino-shop");
        setPadding(false);
        setSpacing(false);

        search.setId("shop-search");
        search.setPlaceholder(getTranslation("shop.search"));
        search.setAriaLabel(getTranslation("shop.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                // Typing replaces the address instead of adding a history entry per word.
                UI.getCurrent().getPage().getHistory().replaceState(null, location());
                pages = 1;
                renderOfferings();
            }
        });
        search.addClassName("ordino-shop-search");
        RouterLink newOrder = new RouterLink(getTranslation("new-order.title"), NewOrderView.class);
        newOrder.setId("shop-new-order");
        newOrder.addClassName("ordino-shop-new-order");
        Div top = new Div(search, newOrder);
        top.addClassName("ordino-shop-top");

        tiles.setId("platform-tiles");
        tiles.addClassName("ordino-tiles");
        categories.setId("section-categories");
        categories.addClassName("ordino-chips");
        heading.setId("shop-heading");
        heading.addClassName("ordino-shop-heading");
        offerings.setId("offerings");
        offerings.addClassName("ordino-cards");
        more.setText(getTranslation("shop.more"));
        more.setId("shop-more");
        more.addClickListener(e -> {
            pages++;
            renderOfferings();
        });
        add(top, tiles, categories, heading, offerings, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        section = first(params, "section").flatMap(sections::section).orElse(null);
        category = section == null ? null : first(params, "category")
                .filter(slug -> section.categories().stream().anyMatch(c -> c.slug().equals(slug))).orElse(null);
        search.setValue(first(params, "q").orElse(""));
        pages = 1;
        render();
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return Optional.ofNullable(params.get(name)).flatMap(values -> values.stream().filter(v -> !v.isBlank()).findFirst());
    }

    /** The address for what is chosen now. */
    String location() {
        Map<String, String> query = query(section == null ? null : section.key(), category, search.getValue());
        // "." is the shop's front page itself: an empty address would keep the old query.
        return query.isEmpty() ? "." : "?" + QueryParameters.simple(query).getQueryString();
    }

    private static Map<String, String> query(String section, String category, String text) {
        Map<String, String> query = new LinkedHashMap<>();
        if (section != null) {
            query.put("section", section);
        }
        if (category != null) {
            query.put("category", category);
        }
        if (text != null && !text.isBlank()) {
            query.put("q", text.strip());
        }
        return query;
    }

    /** Chooses a tile (or none) and a category in it, as a click on them does: a new history entry. */
    void choose(String sectionKey, String categorySlug) {
        UI.getCurrent().navigate(ShopView.class, QueryParameters.simple(query(sectionKey, categorySlug, search.getValue())));
    }

    OfferingFilter filter() {
        String text = search.getValue().isBlank() ? null : search.getValue();
        return section == null ? new OfferingFilter(null, null, text, false) : section.filter(category, text);
    }

    private void render() {
        tiles.removeAll();
        for (CatalogSection s : sections.sections()) {
            tiles.add(tile(s));
        }
        categories.removeAll();
        categories.setVisible(section != null && section.categories().size() > 1);
        if (section != null) {
            categories.add(chip(null, getTranslation("shop.all"), section.count()));
            for (CategorySummary c : section.categories()) {
                categories.add(chip(c.slug(), c.name(), c.productCount()));
            }
        }
        heading.setText(section == null ? getTranslation("shop.all-offerings") : sectionName(section));
        renderOfferings();
    }

    private RouterLink tile(CatalogSection s) {
        RouterLink tile = new RouterLink();
        tile.setRoute(ShopView.class);
        boolean chosen = section != null && section.key().equals(s.key());
        tile.setQueryParameters(QueryParameters.simple(chosen ? Map.of() : Map.of("section", s.key())));
        tile.setId("section-" + s.key());
        tile.addClassName("ordino-tile");
        tile.getElement().setAttribute("data-section", s.key());
        if (chosen) {
            tile.addClassName("ordino-tile-chosen");
        }
        Span name = new Span(sectionName(s));
        name.addClassName("ordino-tile-name");
        String counted = s.kind().isSmm() ? "shop.section-service" : "shop.section-item";
        Span count = new Span(s.count() == 1 ? getTranslation(counted + "-one") : getTranslation(counted + "s", Prices.count(this, s.count())));
        count.addClassName("ordino-tile-count");
        tile.add(name, count);
        return tile;
    }

    private String sectionName(CatalogSection s) {
        return s.platform() != null ? getTranslation("platform." + s.platform().key()) : getTranslation("shop.section." + s.kind().key());
    }

    private Button chip(String slug, String name, long count) {
        Button chip = new Button(name + " · " + Prices.count(this, count), e -> choose(section.key(), slug));
        chip.setId("category-" + (slug == null ? "all" : slug));
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL,
                Objects.equals(slug, category) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
        return chip;
    }

    void renderOfferings() {
        offerings.removeAll();
        Slice<OfferingView> page = catalog.offerings(filter(), PageRequest.of(0, PAGE * pages));
        page.getContent().forEach(o -> offerings.add(card(o)));
        if (page.getContent().isEmpty()) {
            Div empty = new Div(getTranslation("shop.empty"));
            empty.setId("shop-empty");
            empty.addClassNames("ordino-card", "ordino-muted");
            offerings.add(empty);
        }
        more.setVisible(page.hasNext());
    }

    private Div card(OfferingView o) {
        RouterLink name = new RouterLink(o.name(), OfferingPage.class, OfferingPage.parameters(o));
        name.addClassName("ordino-card-title");
        Span price = new Span(Prices.perUnit(this, currency, o));
        price.addClassName("ordino-price");
        price.getElement().setAttribute("data-kind", o.kind().key());
        Div facts = new Div(OfferingFacts.summary(this, o));
        facts.addClassName("ordino-muted");
        Button order = new Button(getTranslation(o.inStock() ? "shop.order" : "shop.out-of-stock"), e -> openOrder(o));
        order.setId("order-" + o.id());
        order.setEnabled(o.inStock());
        order.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        Div bottom = new Div(price, order);
        bottom.addClassName("ordino-card-bottom");
        Div card = new Div(name, facts, bottom);
        card.addClassNames("ordino-card", "ordino-offering-card");
        card.getElement().setAttribute("data-offering", String.valueOf(o.id()));
        return card;
    }

    OrderDialog openOrder(OfferingView offering) {
        Optional<Long> id = currentUser.id();
        BigDecimal balance = id.map(wallet::balance).orElse(BigDecimal.ZERO);
        OrderDialog dialog = new OrderDialog(offering, orders, carts, currency, id.orElse(null), currentUser.email().orElse(null), balance);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("shop.title") + " · " + getTranslation("app.name");
    }
}
