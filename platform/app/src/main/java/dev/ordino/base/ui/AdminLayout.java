package dev.ordino.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.RolesAllowed;

/**
 * The back office frame: a drawer with the admin sections (collapsed on phones) and the page
 * title in the bar. Features add their admin views with {@code layout = AdminLayout.class}.
 */
@RolesAllowed({SignedInUser.STAFF, SignedInUser.ADMIN})
public class AdminLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 title = new H1();
    private final StoreBranding branding;

    public AdminLayout(SignedInUser currentUser, StoreBranding branding) {
        this.branding = branding;
        setPrimarySection(Section.DRAWER);
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.addAndExpand(new Span());
        bar.add(logout);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        var brand = BrandMark.link(branding, "admin", getTranslation("nav.back-office"));
        brand.getStyle().set("padding", "var(--lumo-space-m)").set("display", "flex");
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("admin.dashboard.title"), "admin", VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem(getTranslation("admin.orders.title"), "admin/orders", VaadinIcon.CART.create()));
        nav.addItem(new SideNavItem(getTranslation("admin.handover.title"), "admin/handover", VaadinIcon.QRCODE.create()));
        nav.addItem(new SideNavItem(getTranslation("admin.catalog.title"), "admin/catalog", VaadinIcon.STOCK.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.providers"), "admin/providers", VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem(getTranslation("payments.title"), "admin/payments", VaadinIcon.CREDIT_CARD.create()));
        nav.addItem(new SideNavItem(getTranslation("admin.stock.title"), "admin/stock", VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem(getTranslation("channels.title"), "admin/channels", VaadinIcon.BELL.create()));
        if (currentUser.isAdmin()) {
            nav.addItem(new SideNavItem(getTranslation("admin.users.title"), "admin/users", VaadinIcon.USERS.create()));
            nav.addItem(new SideNavItem(getTranslation("admin.settings.title"), "admin/settings", VaadinIcon.COG.create()));
            nav.addItem(new SideNavItem(getTranslation("admin.plugins.title"), "admin/plugins", VaadinIcon.PLUG.create()));
            nav.addItem(new SideNavItem(getTranslation("admin.audit.title"), "admin/audit", VaadinIcon.EYE.create()));
        }
        nav.addItem(new SideNavItem(getTranslation("nav.storefront"), "", VaadinIcon.SHOP.create()));
        addToDrawer(brand, nav);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PageTitle pageTitle = getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
        BrandMark.title(event, branding, getTranslation("app.name"));
        title.setText(getContent() instanceof HasDynamicTitle dynamic
                ? dynamic.getPageTitle().replace(" · " + getTranslation("app.name"), "")
                : pageTitle == null ? "" : pageTitle.value());
    }
}
