package dev.ordino.ordering.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingView;
import dev.ordino.ordering.CartService;
import dev.ordino.ordering.CompletionTimes;
import dev.ordino.ordering.OrderService;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One offering's own page ({@code /s/12-tiktok-followers}): price, description, limits, how long
 * it really takes, refill and cancel policy, and the order form. An address with an outdated or
 * wrong name part is sent on to the right one, so links keep working after a rename.
 */
@Route(value = "s/:ref", layout = MainLayout.class)
@AnonymousAllowed
public class OfferingPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Pattern REF = Pattern.compile("^(\\d{1,18})(?:-(.*))?$");

    final H2 title = new H2();
    final Div facts = new Div();
    final Div formHolder = new Div();
    OrderForm form;

    private final CatalogService catalog;
    private final CompletionTimes completionTimes;
    private final OrderService orders;
    private final CartService carts;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private String name = "";

    public OfferingPage(CatalogService catalog, CompletionTimes completionTimes, OrderService orders, CartService carts,
                        WalletService wallet, StoreCurrency currency, CurrentUser currentUser) {
        this.catalog = catalog;
        this.completionTimes = completionTimes;
        this.orders = orders;
        this.carts = carts;
        this.wallet = wallet;
        this.currency = currency;
        this.currentUser = currentUser;
        addClassNames("ordino-page", "ordino-offering-page");
        setPadding(false);
    }

    /** The route parameters of an offering's page. */
    static RouteParameters parameters(OfferingView o) {
        return new RouteParameters(Map.of("ref", o.id() + "-" + o.slug()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Matcher ref = REF.matcher(event.getRouteParameters().get("ref").orElse(""));
        Optional<OfferingView> found = ref.matches() ? catalog.offering(Long.parseLong(ref.group(1))).filter(OfferingView::active)
                : Optional.empty();
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        OfferingView o = found.get();
        if (!o.slug().equals(ref.group(2))) {
            event.forwardTo(OfferingPage.class, parameters(o));
            return;
        }
        render(o);
    }

    private void render(OfferingView o) {
        removeAll();
        name = o.name();
        title.setText(o.name());
        title.setId("offering-title");
        RouterLink back = new RouterLink(sectionName(o), ShopView.class);
        back.setQueryParameters(QueryParameters.simple(Map.of("section", o.kind().isSmm() ? o.platform().key() : o.kind().key())));
        back.setId("offering-section");
        Span where = new Span(" · " + o.categoryName());
        Div crumbs = new Div(back, where);
        crumbs.addClassName("ordino-muted");
        Span price = new Span(Prices.perUnit(this, currency, o));
        price.setId("offering-price");
        price.addClassNames("ordino-price", "ordino-price-large");
        price.getElement().setAttribute("data-kind", o.kind().key());

        Div info = new Div(crumbs, title, price);
        if (o.description() != null) {
            Paragraph description = new Paragraph(o.description());
            description.setId("offering-description");
            description.addClassName("ordino-wrap");
            info.add(description);
        }
        facts.removeAll();
        facts.setId("offering-facts");
        facts.addClassName("ordino-facts");
        if (o.kind().isSmm() || o.maxQuantity() > 1) {
            fact("offering.min", Prices.count(this, o.minQuantity()), "offering-min");
            fact("offering.max", Prices.count(this, o.maxQuantity()), "offering-max");
        }
        fact("offering.completion", OfferingFacts.completion(this, o, completionTimes.average(o.id())), "offering-completion");
        if (o.kind().isSmm()) {
            fact("offering.refill", OfferingFacts.refill(this, o), "offering-refill");
            fact("offering.cancel", OfferingFacts.cancel(this, o), "offering-cancel");
        }
        if (o.stock() != null) {
            fact("offering.stock", Prices.count(this, o.stock()), "offering-stock");
        }
        info.add(facts);
        info.addClassName("ordino-offering-info");

        Optional<Long> customer = currentUser.id();
        BigDecimal balance = customer.map(wallet::balance).orElse(BigDecimal.ZERO);
        form = new OrderForm(o, orders, carts, currency, customer.orElse(null), currentUser.email().orElse(null), balance);
        formHolder.removeAll();
        formHolder.add(form);
        formHolder.setId("offering-order");
        formHolder.addClassNames("ordino-card", "ordino-offering-order");
        Div columns = new Div(info, formHolder);
        columns.addClassName("ordino-two-columns");
        add(columns);
    }

    private void fact(String labelKey, String value, String id) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("ordino-fact-label");
        Span text = new Span(value);
        text.setId(id);
        text.addClassName("ordino-fact-value");
        facts.add(new Div(label, text));
    }

    private String sectionName(OfferingView o) {
        return o.kind().isSmm() ? getTranslation("platform." + o.platform().key()) : getTranslation("shop.section." + o.kind().key());
    }

    @Override
    public String getPageTitle() {
        return name + " · " + getTranslation("app.name");
    }
}
