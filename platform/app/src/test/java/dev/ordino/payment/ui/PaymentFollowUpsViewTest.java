package dev.ordino.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.PaymentFollowUps;
import dev.ordino.payment.Payments;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import dev.ordino.wallet.ui.WalletViewAccess;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

class PaymentFollowUpsViewTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    GatewayInstances gateways;
    @Autowired
    Payments payments;
    @Autowired
    PaymentFollowUps followUps;
    @Autowired
    WalletService wallet;

    GatewayInstances.GatewayView bank() {
        return actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm("Bank " + UUID.randomUUID(), "payment-manual",
                Map.of("instructions", "Pay {amount} to ACME Bank 123, reference {reference}"), true)));
    }

    @Test
    void anEmptyAmountSaysSoWithoutARawPlaceholder() {
        bank();
        signIn(actors.customer());
        UI.getCurrent().navigate("wallet/top-up");
        TopUpView view = _get(TopUpView.class);
        view.amount.clear();
        view.pay.click();
        assertThat(view.amount.isInvalid()).isTrue();
        assertThat(view.amount.getErrorMessage()).isEqualTo("Enter a valid amount.").doesNotContain("{0}");
    }

    @Test
    void aPendingTopUpStaysOnTheWalletWithItsInstructionsAndTheCustomerCanSayTheyPaid() {
        GatewayInstances.GatewayView bank = bank();
        AccountSummary customer = actors.customer();
        Payments.PaymentView started = actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(),
                new BigDecimal("25.00"), bank.id()));

        signIn(customer);
        UI.getCurrent().navigate("wallet");
        Div pending = _get(Div.class, spec -> spec.withId("pending-" + started.id()));
        assertThat(_get(pending, Pre.class).getText()).contains("ACME Bank 123").contains(started.reference());
        _get(pending, Button.class, spec -> spec.withId("report-paid-" + started.id())).click();

        pending = _get(Div.class, spec -> spec.withId("pending-" + started.id()));
        assertThat(pending.getElement().getTextRecursively()).contains("You said you paid on");
        assertThat(payments.myPayment(customer.id(), started.id()).status()).as("only staff settle it").isEqualTo("pending");
        actors.as(customer, () -> { followUps.reportPaid(customer.id(), started.id()); return null; }); // said twice, told once
        // Read from staff's own session on another thread, as the page's session is the customer's.
        assertThat(CompletableFuture.supplyAsync(() -> actors.asAdmin(() -> payments.events(started.id()))).join())
                .extracting(Payments.EventView::outcome).containsExactly("customer_paid");
        assertThat(WalletViewAccess.cause("payment:" + started.id())).isEqualTo("wallet/top-ups/" + started.id());
        assertThat(WalletViewAccess.cause("order:12:refund:1")).isEqualTo("orders/12");

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/payments");
        PaymentsAdminView view = _get(PaymentsAdminView.class);
        view.customer.setValue(customer.email());
        assertThat(GridKt._findAll(view.grid)).extracting(Payments.PaymentView::id).containsExactly(started.id());
        String row = GridKt._getCellComponent(view.grid, 0, "payment").getElement().getTextRecursively();
        assertThat(row).contains(customer.displayName() + " <" + customer.email() + ">").contains("The customer says it was paid")
                .doesNotContain("Customer #");
    }

    @Test
    void staffRejectAManualTransferWithAReasonTheCustomerReads() {
        GatewayInstances.GatewayView bank = bank();
        AccountSummary customer = actors.customer();
        Payments.PaymentView started = actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(),
                new BigDecimal("40.00"), bank.id()));
        assertThatThrownBy(() -> actors.as(customer, () -> followUps.rejectTransfer(started.id(), "mine", customer.email())))
                .isInstanceOf(AccessDeniedException.class);

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/payments");
        PaymentsAdminView view = _get(PaymentsAdminView.class);
        view.detail(started);
        _get(Button.class, spec -> spec.withId("payment-reject")).click();
        _get(Button.class, spec -> spec.withId("reject-save")).click();
        TextField reason = _get(TextField.class, spec -> spec.withId("reject-reason"));
        assertThat(reason.isInvalid()).as("a reason is required").isTrue();
        reason.setValue("No transfer with this reference arrived");
        _get(Button.class, spec -> spec.withId("reject-save")).click();

        Payments.PaymentView rejected = payments.myPayment(customer.id(), started.id());
        assertThat(rejected.status()).isEqualTo("failed");
        assertThat(rejected.failureReason()).isEqualTo("No transfer with this reference arrived");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("0");
        assertThat(actors.asAdmin(() -> payments.events(started.id()))).extracting(Payments.EventView::outcome).containsExactly("rejected");

        signIn(customer);
        UI.getCurrent().navigate("wallet/top-ups/" + started.id());
        assertThat(_get(TopUpView.class).status.getText()).isEqualTo("Failed");
        UI.getCurrent().navigate("wallet");
        assertThat(LocatorJ._find(Div.class, spec -> spec.withId("pending-" + started.id()))).isEmpty();
    }
}
