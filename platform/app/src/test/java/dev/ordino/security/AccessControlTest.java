package dev.ordino.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;

import com.vaadin.flow.component.UI;
import dev.ordino.KaribuTest;
import dev.ordino.ordering.ui.DashboardView;
import dev.ordino.ordering.ui.MyOrdersView;
import dev.ordino.ordering.ui.ShopView;
import dev.ordino.security.ui.LoginView;
import org.junit.jupiter.api.Test;

class AccessControlTest extends KaribuTest {

    @Test
    void anAnonymousVisitorBrowsesTheCatalogButIsSentToSignInForTheRest() {
        UI.getCurrent().navigate("");
        _get(ShopView.class);

        UI.getCurrent().navigate("orders");
        _get(LoginView.class);

        UI.getCurrent().navigate("admin/plugins");
        _get(LoginView.class);
        _assertNone(DashboardView.class);
    }

    @Test
    void aCustomerCannotOpenTheBackOffice() {
        signIn("customer@example.com", Roles.CUSTOMER);
        UI.getCurrent().navigate("");
        _get(ShopView.class);

        // Karibu reports the refusal as an exception; a browser gets the "Page not found" page.
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin")).isInstanceOf(MockAccessDeniedException.class);
        _assertNone(DashboardView.class);
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/plugins")).isInstanceOf(MockAccessDeniedException.class);
    }

    @Test
    void staffOpenTheBackOfficeButNotThePlugins() {
        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin");
        _get(DashboardView.class);

        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/plugins")).isInstanceOf(MockAccessDeniedException.class);
    }
}
