package dev.ordino.payment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.Payments;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PaymentViewsTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    GatewayInstances gateways;
    @Autowired
    Payments payments;
    @Autowired
    WalletService wallet;

    GatewayInstances.GatewayView bank() {
        signIn("admin@example.com", Roles.ADMIN);
        return gateways.create(new GatewayInstances.GatewayForm("Bank " + UUID.randomUUID(), "payment-manual",
                Map.of("instructions", "Pay {amount} to ACME Bank 123, reference {reference}"), true));
    }

    @Test
    void aCustomerTopsUpByBankTransferAndThePageTurnsPaidWhenStaffConfirm() throws Exception {
        GatewayInstances.GatewayView bank = bank();
        AccountSummary customer = actors.customer();
        signIn(customer);
        UI.getCurrent().navigate("wallet/top-up");
        TopUpView view = _get(TopUpView.class);
        view.gateway.setValue(view.gateway.getListDataView().getItems().filter(g -> g.id() == bank.id()).findFirst().orElseThrow());

        view.amount.setValue(new BigDecimal("0.50"));
        view.pay.click();
        assertThat(view.amount.isInvalid()).isTrue();
        assertThat(view.amount.getErrorMessage()).isEqualTo("Enter an amount from 1.00 USD to 1000.00 USD.");

        view.amount.setValue(new BigDecimal("20.00"));
        view.pay.click();
        assertThat(view.result.isVisible()).isTrue();
        assertThat(view.status.getText()).isEqualTo("Waiting for payment");
        assertThat(_get(view.result, Pre.class).getText()).contains("ACME Bank 123").contains("20");

        Payments.PaymentView pending = payments.myPayment(customer.id(), jdbcLatest(customer.id()));
        // Staff confirm from their own session, on another thread, as in a running app.
        CompletableFuture.supplyAsync(() -> actors.asAdmin(() -> payments.confirmManual(pending.id(), "staff@ordino"))).get();
        for (int i = 0; i < 400 && !view.status.getText().startsWith("Paid"); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(view.status.getText()).isEqualTo("Paid — added to your wallet");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("20.00");
    }

    @Autowired
    JdbcClient jdbc;

    long jdbcLatest(long customerId) {
        return jdbc.sql("SELECT MAX(id) FROM payment WHERE customer_id = ?").param(customerId).query(Long.class).single();
    }

    @Test
    void staffFilterPaymentsSeeTheirEventsAndConfirmATransferCustomersCannotOpenThePage() throws Exception {
        GatewayInstances.GatewayView bank = bank();
        AccountSummary customer = actors.customer();
        Payments.PaymentView started = actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(),
                new BigDecimal("33.00"), bank.id()));

        signIn(customer);
        assertThatThrownBy(() -> UI.getCurrent().navigate("admin/payments"))
                .isInstanceOf(MockAccessDeniedException.class);

        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/payments");
        PaymentsAdminView view = _get(PaymentsAdminView.class);
        assertThat(view.addGateway.isVisible()).as("only admins add gateways").isFalse();
        view.customer.setValue(customer.email());
        view.status.setValue("pending");
        assertThat(GridKt._findAll(view.grid)).extracting(Payments.PaymentView::id).containsExactly(started.id());
        view.status.setValue("paid");
        assertThat(GridKt._findAll(view.grid)).isEmpty();
        view.status.setValue("");
        view.minAmount.setValue(new BigDecimal("34.00"));
        assertThat(GridKt._findAll(view.grid)).isEmpty();
        view.minAmount.setValue(new BigDecimal("33.00"));
        view.maxAmount.setValue(new BigDecimal("33.00"));
        assertThat(GridKt._findAll(view.grid)).extracting(Payments.PaymentView::id).containsExactly(started.id());
        assertThat(GridKt._findAll(view.gatewaysGrid)).extracting(GatewayInstances.GatewayView::webhookUrl)
                .anySatisfy(url -> assertThat(url).endsWith("/v1/payments/" + bank.id() + "/webhook"));

        view.detail(started);
        _get(Button.class, spec -> spec.withId("payment-confirm")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("33.00");
        assertThat(payments.events(started.id())).extracting(Payments.EventView::outcome).containsExactly("confirmed");
        view.status.setValue("paid");
        assertThat(GridKt._findAll(view.grid)).extracting(Payments.PaymentView::id).containsExactly(started.id());
    }

    @Test
    void theFiltersButtonCountsTheFiltersInUseAndOpensThem() {
        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/payments");
        PaymentsAdminView view = _get(PaymentsAdminView.class);
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters");
        view.status.setValue("paid");
        view.customer.setValue("someone@example.com");
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters (2)");
        view.status.setValue("");
        assertThat(view.filters.toggle.getText()).isEqualTo("Filters (1)");

        boolean shown = view.filters.isVisible();
        view.filters.toggle.click();
        assertThat(view.filters.isVisible()).isNotEqualTo(shown);
    }

    @Test
    void aGatewaysChoiceIsPickedFromAListAndItsSwitchIsABoxAndBothAreKept() {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/payments");
        PaymentsAdminView view = _get(PaymentsAdminView.class);
        view.editor(null);
        _get(ComboBox.class, spec -> spec.withId("gateway-plugin")).setValue("payment-midtrans");

        @SuppressWarnings("unchecked")
        Select<String> method = _get(Select.class, spec -> spec.withId("gateway-setting-method"));
        Checkbox production = _get(Checkbox.class, spec -> spec.withId("gateway-setting-production"));
        assertThat(method.getListDataView().getItems()).containsExactly("snap", "qris");
        assertThat(method.getValue()).as("the default is preselected").isEqualTo("snap");
        assertThat(production.getValue()).as("sandbox unless ticked").isFalse();

        String name = "Midtrans " + UUID.randomUUID();
        _get(TextField.class, spec -> spec.withId("gateway-name")).setValue(name);
        _get(PasswordField.class, spec -> spec.withId("gateway-setting-serverKey")).setValue("SB-Mid-server-form");
        // This store sells in dollars: Midtrans may be configured, not enabled.
        _get(Checkbox.class, spec -> spec.withCaption("Enabled")).setValue(false);
        method.setValue("qris");
        production.setValue(true);
        _get(Button.class, spec -> spec.withId("gateway-save")).click();

        GatewayInstances.GatewayView saved = gateways.list().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.settings()).containsEntry("method", "qris").containsEntry("production", "true");

        view.editor(saved);
        @SuppressWarnings("unchecked")
        Select<String> again = _find(Select.class, spec -> spec.withId("gateway-setting-method")).getLast();
        assertThat(again.getValue()).isEqualTo("qris");
        assertThat(_find(Checkbox.class, spec -> spec.withId("gateway-setting-production")).getLast().getValue()).isTrue();
    }
}
