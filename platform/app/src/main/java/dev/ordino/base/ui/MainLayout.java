package dev.ordino.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;

/** The customer's frame: brand, a link to the back office for staff, sign in/out. Mobile first. */
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final StoreBranding branding;
    private final Anchor newOrder;

    public MainLayout(SignedInUser currentUser, StoreBranding branding) {
        this.branding = branding;
        Anchor brand = BrandMark.link(branding, "", null);

        newOrder = link("new-order", "nav.new-order", "nav-new-order");
        HorizontalLayout links = new HorizontalLayout(newOrder);
        links.addClassName("ordino-header-links");
        links.setAlignItems(FlexComponent.Alignment.CENTER);
        if (currentUser.email().isPresent()) {
            links.add(link("orders", "nav.orders", "nav-orders"), link("wallet", "nav.wallet", "nav-wallet"),
                    link("cart", "nav.cart", "nav-cart"), link("mass-order", "nav.mass-order", "nav-mass-order"),
                    link("api", "nav.api", "nav-api"),
                    link("notifications", "nav.notifications", "nav-notifications"));
        }
        if (currentUser.isStaff()) {
            links.add(link("admin", "nav.back-office", "nav-admin"));
        }
        if (currentUser.email().isPresent()) {
            Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            logout.setAriaLabel(getTranslation("nav.logout")); // a phone shows only the icon
            logout.setTooltipText(getTranslation("nav.logout"));
            links.add(logout);
        } else {
            links.add(link("login", "nav.login", "nav-login"));
        }

        // One line on every width: the shop name gives way first, then the links scroll sideways.
        HorizontalLayout bar = new HorizontalLayout(brand, links);
        bar.setId("customer-header");
        bar.addClassName("ordino-header");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        addToNavbar(bar);
        setDrawerOpened(false); // the customer frame has no drawer: content uses the whole width
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        BrandMark.title(event, branding, getTranslation("app.name"));
        // The catalog has its own "New order" beside its search: one is enough.
        newOrder.setVisible(!event.getLocation().getPath().isEmpty());
    }

    private Anchor link(String href, String key, String id) {
        Anchor anchor = new Anchor(href, getTranslation(key));
        anchor.setId(id);
        return anchor;
    }
}
