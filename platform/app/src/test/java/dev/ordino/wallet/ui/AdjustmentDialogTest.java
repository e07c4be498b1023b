package dev.ordino.wallet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin adjusts a wallet; a refusal shows on the field it is about, not in a passing notification. */
class AdjustmentDialogTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    WalletService wallet;

    @Test
    void anAdjustmentWithoutAReasonIsRefusedOnTheReasonFieldAndOneWithAReasonIsBooked() {
        AccountSummary customer = actors.customer();
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/users");
        AdjustmentDialog dialog = _get(UsersAdminView.class).openAdjustment(customer);
        NotificationsKt.clearNotifications();
        assertThat(dialog.reason.isRequiredIndicatorVisible()).isTrue();

        dialog.amount.setValue(new BigDecimal("7.50"));
        dialog.submit();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Give a reason.");
        assertThat(dialog.amount.isInvalid()).isFalse();
        assertThat(NotificationsKt.getNotifications()).isEmpty();
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("0");

        dialog.reason.setValue("Goodwill for a late order");
        dialog.submit();
        assertThat(dialog.isOpened()).isFalse();
        assertThat(dialog.reason.isInvalid()).isFalse();
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("7.50");
    }
}
