package dev.ordino.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** The back office start page. */
@Route(value = "admin", layout = AdminLayout.class)
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class AdminDashboardView extends VerticalLayout implements HasDynamicTitle {

    public AdminDashboardView() {
        addClassName("ordino-page");
        setPadding(false);
        Div card = new Div(new Paragraph(getTranslation("admin.dashboard.intro")));
        for (String[] link : new String[][]{{"admin/orders", "admin.orders.title"}, {"admin/catalog", "admin.catalog.title"},
                {"admin/users", "admin.users.title"}, {"admin/settings", "admin.settings.title"}, {"admin/plugins", "admin.plugins.title"}}) {
            Anchor anchor = new Anchor(link[0], getTranslation(link[1]));
            anchor.getStyle().set("display", "block").set("padding", "var(--lumo-space-xs) 0");
            card.add(anchor);
        }
        card.addClassName("ordino-card");
        add(card);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.dashboard.title") + " · " + getTranslation("app.name");
    }
}
