package dev.ordino.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.security.CurrentUser;

/** The customer's frame: brand, a link to the back office for staff, sign in/out. Mobile first. */
@AnonymousAllowed
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser) {
        RouterLink brand = new RouterLink("", HomeView.class);
        brand.setText(getTranslation("app.name"));
        brand.addClassName("ordino-brand");

        HorizontalLayout bar = new HorizontalLayout(brand);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("padding", "0 var(--lumo-space-m)");
        Span spacer = new Span();
        bar.addAndExpand(spacer);

        if (currentUser.isStaff()) {
            RouterLink admin = new RouterLink(getTranslation("nav.back-office"), AdminDashboardView.class);
            admin.setId("nav-admin");
            bar.add(admin);
        }
        if (currentUser.email().isPresent()) {
            Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            logout.setId("logout");
            bar.add(logout);
        } else {
            bar.add(new com.vaadin.flow.component.html.Anchor("login", getTranslation("nav.login")));
        }
        addToNavbar(bar);
    }
}
