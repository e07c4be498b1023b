package dev.ordino.ordering.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CartService;
import dev.ordino.ordering.OrderService;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;

/**
 * The SMM panel's "New order" page: pick a category, then a service in it; its description and
 * limits appear with the order form (link, quantity, total, balance). The chosen service is kept in
 * the address ({@code /new-order?service=12}), so a visitor who signs in comes back to it.
 */
@Route(value = "new-order", layout = MainLayout.class)
@AnonymousAllowed
public class NewOrderView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** A category of a shop rarely holds more; the picker filters as the customer types. */
    static final int MAX_SERVICES = 500;

    final ComboBox<CategorySummary> category = new ComboBox<>();
    final ComboBox<OfferingView> service = new ComboBox<>();
    final Div details = new Div();
    final Div formHolder = new Div();
    OrderForm form;

    private final CatalogService catalog;
    private final OrderService orders;
    private final CartService carts;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;

    public NewOrderView(CatalogService catalog, OrderService orders, CartService carts, WalletService wallet,
                        StoreCurrency currency, CurrentUser currentUser) {
        this.catalog = catalog;
        this.orders = orders;
        this.carts = carts;
        this.wallet = wallet;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassNames("ordino-page", "ordino-new-order");
        setPadding(false);
        setAlignItems(FlexComponent.Alignment.STRETCH);

        category.setLabel(getTranslation("new-order.category"));
        category.setId("new-order-category");
        category.setItems(catalog.categories(false).stream().filter(c -> c.productCount() > 0).toList());
        category.setItemLabelGenerator(CategorySummary::name);
        category.addValueChangeListener(e -> showServices(e.getValue()));
        service.setLabel(getTranslation("new-order.service"));
        service.setId("new-order-service");
        service.setItemLabelGenerator(o -> o.name() + " — " + Prices.perUnit(this, currency, o));
        service.addValueChangeListener(e -> {
            showService(e.getValue());
            if (e.isFromClient()) {
                UI.getCurrent().getPage().getHistory().replaceState(null, e.getValue() == null ? "new-order"
                        : "new-order?" + QueryParameters.simple(Map.of("service", String.valueOf(e.getValue().id()))).getQueryString());
            }
        });
        details.setId("new-order-details");
        details.addClassName("ordino-wrap");
        formHolder.setId("new-order-form");
        Div pickers = new Div(category, service);
        pickers.addClassName("ordino-pickers");
        add(new H2(getTranslation("new-order.title")), pickers, details, formHolder);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> ids = event.getLocation().getQueryParameters().getParameters().getOrDefault("service", List.of());
        Optional<OfferingView> chosen = ids.stream().filter(id -> id.matches("\\d{1,18}")).findFirst()
                .flatMap(id -> catalog.offering(Long.parseLong(id))).filter(OfferingView::active);
        if (chosen.isPresent()) {
            choose(chosen.get());
        } else {
            category.clear();
            showServices(null);
        }
    }

    /** Picks a service as if chosen in both pickers. */
    void choose(OfferingView offering) {
        category.getListDataView().getItems().filter(c -> c.id() == offering.categoryId()).findFirst().ifPresent(category::setValue);
        service.getListDataView().getItems().filter(o -> o.id() == offering.id()).findFirst().ifPresent(service::setValue);
    }

    private void showServices(CategorySummary chosen) {
        service.clear();
        service.setItems(chosen == null ? List.of() : catalog.offerings(new OfferingFilter(chosen.slug(), null, null, false),
                PageRequest.of(0, MAX_SERVICES)).getContent());
        service.setEnabled(chosen != null);
        showService(null);
    }

    private void showService(OfferingView o) {
        details.removeAll();
        formHolder.removeAll();
        form = null;
        details.setVisible(o != null);
        formHolder.setVisible(o != null);
        if (o == null) {
            return;
        }
        RouterLink page = new RouterLink(getTranslation("new-order.details"), OfferingPage.class, OfferingPage.parameters(o));
        page.setId("new-order-page-link");
        Div price = new Div(Prices.perUnit(this, currency, o));
        price.addClassName("ordino-price");
        price.getElement().setAttribute("data-kind", o.kind().key());
        Div facts = new Div(OfferingFacts.summary(this, o));
        facts.addClassName("ordino-muted");
        details.add(price, facts);
        if (o.description() != null) {
            Div description = new Div(o.description());
            description.setId("new-order-description");
            details.add(description);
        }
        details.add(page);
        details.addClassName("ordino-card");
        Optional<Long> customer = currentUser.id();
        BigDecimal balance = customer.map(wallet::balance).orElse(BigDecimal.ZERO);
        form = new OrderForm(o, orders, carts, currency, customer.orElse(null), currentUser.email().orElse(null), balance);
        formHolder.add(form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("new-order.title") + " · " + getTranslation("app.name");
    }
}
