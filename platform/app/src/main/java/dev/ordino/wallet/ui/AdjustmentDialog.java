package dev.ordino.wallet.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.UUID;

/** A staff adjustment of a customer's wallet; one idempotency key per opening, so a double click books once. */
public class AdjustmentDialog extends EditorDialog<AdjustmentDialog.Adjustment> {

    /** What staff enter: the signed amount and why (public: the binder reads it by reflection). */
    public record Adjustment(BigDecimal amount, String reason) {
    }

    final BigDecimalField amount = new BigDecimalField();
    final TextField reason = new TextField();
    private final String key = UUID.randomUUID().toString();
    private final WalletService wallet;
    private final AccountSummary account;
    private final String actor;

    AdjustmentDialog(WalletService wallet, AccountSummary account, String balance, String actor) {
        super(Adjustment.class, "", "adjust");
        this.wallet = wallet;
        this.account = account;
        this.actor = actor;
        setHeaderTitle(getTranslation("admin.users.adjust-title", account.email()));
        amount.setLabel(getTranslation("admin.users.amount"));
        amount.setHelperText(getTranslation("admin.users.amount-help", balance));
        amount.setId("adjust-amount");
        amount.setRequiredIndicatorVisible(true);
        reason.setLabel(getTranslation("admin.orders.reason"));
        reason.setId("adjust-reason");
        reason.setMaxLength(500);
        reason.setRequiredIndicatorVisible(true);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        fields.add(amount, reason);
        binder.forField(amount).bind("amount");
        binder.forField(reason).bind("reason");
        binder.readRecord(new Adjustment(null, ""));
    }

    @Override
    protected void store(Adjustment adjustment) {
        wallet.adjust(account.id(), adjustment.amount(), adjustment.reason(), actor, key);
    }

    @Override
    protected void refused(DomainException refusal) {
        // The ledger says "not enough balance"; for a staff adjustment that means the balance would go negative.
        errors.show(refusal, refusal.code().equals("insufficient_balance") ? getTranslation("admin.users.would-go-negative")
                : errors.message(refusal));
    }
}
