package dev.ordino.reseller.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.PriceTiers;
import dev.ordino.security.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin sets a reseller's discount and turns off one of their API keys from the users page. */
class ResellerAccountDialogTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    PriceTiers tiers;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void anAdminSetsADiscountOnTheUsersPageAndABadOneShowsOnTheField() {
        AccountSummary customer = actors.customer();
        ResellerAccountDialog dialog = openFromUsersPage(customer);
        assertThat(dialog.discountPercent.getValue()).isEqualByComparingTo("0");

        dialog.discountPercent.setValue(new java.math.BigDecimal("95"));
        dialog.submit();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.discountPercent.isInvalid()).isTrue();
        assertThat(dialog.discountPercent.getErrorMessage()).isEqualTo("Enter a discount between 0 and 90 % with at most 2 decimals.");
        assertThat(tiers.discountPercent(customer.id())).isEqualByComparingTo("0");

        dialog.discountPercent.setValue(new java.math.BigDecimal("12.5"));
        dialog.submit();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(tiers.discountPercent(customer.id())).isEqualByComparingTo("12.50");
        NotificationsKt.expectNotifications("Price tier saved");

        assertThat(openFromUsersPage(customer).discountPercent.getValue()).isEqualByComparingTo("12.50");
    }

    @Test
    void anAdminDisablesALeakedKeyAfterConfirmingAndItStopsWorking() {
        AccountSummary customer = actors.customer();
        ApiKeys.CreatedKey leaked = actors.as(customer, () -> apiKeys.create(customer.id(), "Bot", List.of()));
        ApiKeys.CreatedKey other = actors.as(customer, () -> apiKeys.create(customer.id(), "Site", List.of()));
        ResellerAccountDialog dialog = openFromUsersPage(customer);
        assertThat(GridKt._findAll(dialog.keys)).extracting(ApiKeys.KeyView::prefix)
                .containsExactly(other.prefix(), leaked.prefix());

        ((Button) GridKt._getCellComponent(dialog.keys, 1, "disable")).click();
        ConfirmDialog sure = _get(ConfirmDialog.class);
        assertThat(apiKeys.holder(leaked.key())).as("nothing happens before the confirmation").isPresent();
        ConfirmDialogKt._fireConfirm(sure);

        assertThat(apiKeys.holder(leaked.key())).isEmpty();
        assertThat(apiKeys.holder(other.key())).isPresent();
        assertThat(GridKt._findAll(dialog.keys)).filteredOn(ApiKeys.KeyView::disabled).extracting(ApiKeys.KeyView::id)
                .containsExactly(leaked.id());
    }

    private ResellerAccountDialog openFromUsersPage(AccountSummary customer) {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        _get(TextField.class, spec -> spec.withId("users-search")).setValue(customer.email());
        Grid<?> users = _get(Grid.class, spec -> spec.withId("users-grid"));
        assertThat(GridKt._size(users)).isEqualTo(1);
        MenuBar menu = (MenuBar) GridKt._getCellComponent(users, 0, "actions").getChildren()
                .filter(MenuBar.class::isInstance).findFirst().orElseThrow();
        ContextMenuKt._clickItemWithCaption(menu, "Price tier and API keys");
        return _get(ResellerAccountDialog.class);
    }
}
