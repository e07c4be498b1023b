package dev.ordino.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;

/** The signed-in customer's start page. */
@Route(value = "", layout = MainLayout.class)
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser) {
        addClassName("ordino-page");
        setPadding(false);
        H2 greeting = new H2(getTranslation("home.greeting", currentUser.email().orElse("")));
        greeting.setId("home-greeting");
        Div card = new Div(new Paragraph(getTranslation("home.intro")));
        card.addClassName("ordino-card");
        add(greeting, card);
        if (currentUser.isStaff()) {
            add(new RouterLink(getTranslation("home.open-back-office"), AdminDashboardView.class));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
