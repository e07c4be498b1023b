package dev.ordino.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.auth.AnonymousAllowed;

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
                    link("cart", "nav.cart", "nav-cart"), more(currentUser));
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

    /**
     * What a customer opens now and then (mass orders, API keys, notification settings) sits behind
     * one "more" button, so the links a customer uses every day fit a phone's header. On the
     * narrowest phones the Sign out button gives way too (styles.css) and is reached here.
     */
    private MenuBar more(SignedInUser currentUser) {
        MenuBar menu = new MenuBar();
        menu.setId("nav-more");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_ICON);
        MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel(getTranslation("nav.more"));
        menu.setTooltipText(root, getTranslation("nav.more"));
        SubMenu items = root.getSubMenu();
        items.addItem(getTranslation("nav.mass-order"), e -> UI.getCurrent().navigate("mass-order")).setId("nav-mass-order");
        items.addItem(getTranslation("nav.api"), e -> UI.getCurrent().navigate("api-keys")).setId("nav-api");
        items.addItem(getTranslation("nav.notifications"), e -> UI.getCurrent().navigate("notifications"))
                .setId("nav-notifications");
        items.addItem(getTranslation("nav.logout"), e -> currentUser.logout()).setId("nav-more-logout");
        return menu;
    }

    private Anchor link(String href, String key, String id) {
        Anchor anchor = new Anchor(href, getTranslation(key));
        anchor.setId(id);
        return anchor;
    }
}
