package dev.ordino.wallet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersAdminViewTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    WalletService wallet;

    @Test
    void staffCannotOpenTheUsersPageButAdminsAdjustAWalletThere() {
        signIn("staff@example.com", Roles.STAFF);
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/users"))
                .isInstanceOf(MockAccessDeniedException.class);

        AccountSummary customer = actors.customer();
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        var view = _get(UsersAdminView.class);
        view.search.setValue(customer.email());
        assertThat(GridKt._findAll(view.grid)).extracting(AccountSummary::id).containsExactly(customer.id());
        var dialog = view.openAdjustment(customer);
        dialog.amount.setValue(new BigDecimal("-1.00"));
        dialog.reason.setValue("Oops");
        dialog.submit();
        assertThat(dialog.amount.getErrorMessage()).isEqualTo("The balance would go below zero.");
        dialog.amount.setValue(new BigDecimal("25.00"));
        dialog.reason.setValue("Bank transfer #88");
        dialog.submit();
        dialog.submit();
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("25.00");
    }

    @Test
    void onAPhoneEachUserIsOneCellWithNameEMailAndBalanceBesideTheActions() {
        AccountSummary customer = actors.customer();
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        var view = _get(UsersAdminView.class);
        view.usePhoneLayout(true);
        assertThat(view.grid.getColumns()).filteredOn(Grid.Column::isVisible).extracting(Grid.Column::getKey)
                .containsExactly("summary", "actions");
        view.search.setValue(customer.email());
        String cell = GridKt._getCellComponent(view.grid, 0, "summary").getElement().getTextRecursively();
        assertThat(cell).contains(customer.displayName(), customer.email(), "0.00 USD");

        view.usePhoneLayout(false);
        assertThat(view.grid.getColumnByKey("email").isVisible()).isTrue();
        assertThat(view.grid.getColumnByKey("summary").isVisible()).isFalse();
    }
}
