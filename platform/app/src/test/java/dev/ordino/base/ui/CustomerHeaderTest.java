package dev.ordino.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.reseller.ui.ApiView;
import dev.ordino.reseller.ui.MassOrderView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A phone's header holds the everyday links and Sign out; the occasional pages sit behind "More". */
class CustomerHeaderTest extends KaribuTest {

    @Autowired
    Actors actors;

    @Test
    void theOccasionalPagesOpenFromTheMoreMenuAndAreNoLongerHeaderLinks() {
        AccountSummary customer = actors.customer();
        signIn(customer);
        UI.getCurrent().getPage().reload(); // the header is built with the page, as after a real sign-in
        UI.getCurrent().navigate("orders");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("orders", "wallet", "cart")
                .doesNotContain("mass-order", "api-keys", "notifications");

        MenuBar more = _get(MenuBar.class, spec -> spec.withId("nav-more"));
        ContextMenuKt._clickItemWithCaption(more, "API");
        assertThat(_find(ApiView.class)).hasSize(1);
        ContextMenuKt._clickItemWithCaption(_get(MenuBar.class, spec -> spec.withId("nav-more")), "Mass order");
        assertThat(_find(MassOrderView.class)).hasSize(1);
        assertThat(_get(MenuBar.class, spec -> spec.withId("nav-more")).getItems().getFirst().getSubMenu().getItems())
                .extracting(item -> item.getText()).contains("Sign out");
    }
}
