package dev.ordino.wallet.ui;

import dev.ordino.base.ui.ReaderFormat;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.base.ui.QrCodes;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.LedgerEntry;
import dev.ordino.wallet.PendingTopUps;
import dev.ordino.wallet.WalletService;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The customer's balance, the top-ups still waiting for their money (with what is needed to pay
 * them and an "I have paid" for staff), and every movement, each linked to its order or top-up.
 */
@Route(value = "wallet", layout = MainLayout.class)
@PermitAll
public class WalletView extends VerticalLayout implements HasDynamicTitle {

    private static final Pattern ORDER_REFERENCE = Pattern.compile("^order:(\\d+):.*");
    private static final Pattern PAYMENT_REFERENCE = Pattern.compile("^payment:(\\d+)$");

    final Span balance = new Span();
    final Grid<LedgerEntry> ledger = new Grid<>();
    final Div pending = new Div();

    private final PendingTopUps topUps;
    private final StoreCurrency currency;
    private final long user;
    private final DateTimeFormatter when;

    public WalletView(WalletService wallet, StoreCurrency currency, CurrentUser currentUser, ObjectProvider<PendingTopUps> topUps) {
        this.topUps = topUps.getIfAvailable();
        this.currency = currency;
        this.user = currentUser.requireId();
        this.when = ReaderFormat.dateTimes(this, FormatStyle.SHORT);
        addClassName("ordino-page");
        setPadding(false);
        balance.setId("wallet-balance");
        balance.setText(currency.display(wallet.balance(user)));
        balance.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        // The top-up page belongs to the payment module; linked by route so the wallet does not depend on it.
        Anchor topUp = new Anchor("wallet/top-up", getTranslation("wallet.top-up"));
        topUp.setId("wallet-top-up");
        topUp.getStyle().set("display", "block").set("margin-top", "var(--lumo-space-s)"); // its own line: beside the balance the two ran together
        Div card = new Div(new Div(getTranslation("wallet.balance")), balance, topUp);
        card.addClassName("ordino-card");

        pending.setId("pending-top-ups");
        showPending();

        ledger.setId("ledger");
        ledger.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // One card-like row per movement: readable on a phone, still a lazy grid underneath.
        ledger.addColumn(new ComponentRenderer<>(this::entry)).setHeader(getTranslation("wallet.movements")).setKey("entry");
        ledger.setItemsPageable(pageable -> wallet.transactions(user, pageable).getContent());
        ledger.setEmptyStateText(getTranslation("wallet.empty"));
        ledger.setHeight("60vh");
        add(new H2(getTranslation("wallet.title")), card, pending, ledger);
    }

    private Div entry(LedgerEntry e) {
        Span what = new Span(getTranslation("ledger." + e.type().key()));
        what.getStyle().set("font-weight", "600");
        Span amount = new Span((e.amount().signum() > 0 ? "+" : "") + currency.format(e.amount()));
        amount.getStyle().set("font-weight", "600").set("color", e.amount().signum() > 0
                ? "var(--lumo-success-text-color)" : "var(--lumo-body-text-color)");
        Div top = new Div(what, amount);
        top.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-s)");
        Div detail = new Div(new Span((e.description() == null ? "" : e.description() + " · ") + when.format(e.createdAt())
                + " · " + getTranslation("wallet.after") + " " + currency.format(e.balanceAfter())));
        detail.addClassName("ordino-muted");
        String cause = causeOf(e.reference());
        if (cause != null) {
            Anchor link = new Anchor(cause, getTranslation(cause.startsWith("orders/") ? "wallet.see-order" : "wallet.see-top-up"));
            link.addClassName("ledger-cause");
            detail.add(new Span(" · "), link);
        }
        return new Div(top, detail);
    }

    /** Where the movement came from: its order's page or its top-up's page; adjustments have none. */
    static String causeOf(String reference) {
        if (reference == null) {
            return null;
        }
        Matcher order = ORDER_REFERENCE.matcher(reference);
        if (order.matches()) {
            return "orders/" + order.group(1);
        }
        Matcher payment = PAYMENT_REFERENCE.matcher(reference);
        return payment.matches() ? "wallet/top-ups/" + payment.group(1) : null;
    }

    void showPending() {
        pending.removeAll();
        var waiting = topUps == null ? List.<PendingTopUps.PendingTopUp>of() : topUps.pending(user);
        pending.setVisible(!waiting.isEmpty());
        if (waiting.isEmpty()) {
            return;
        }
        pending.addClassName("ordino-card");
        pending.add(new H3(getTranslation("wallet.pending-title")));
        for (PendingTopUps.PendingTopUp t : waiting) {
            pending.add(pendingTopUp(t));
        }
    }

    private Div pendingTopUp(PendingTopUps.PendingTopUp t) {
        Div item = new Div();
        item.setId("pending-" + t.paymentId());
        item.addClassName("pending-top-up");
        item.getStyle().set("padding", "var(--lumo-space-s) 0").set("border-top", "1px solid var(--lumo-contrast-10pct)");
        Span title = new Span(currency.display(t.amount()) + " · " + t.gatewayName() + " · " + when.format(t.createdAt()));
        title.getStyle().set("font-weight", "600");
        item.add(new Div(title));
        if (t.redirectUrl() != null) {
            Anchor open = new Anchor(t.redirectUrl(), getTranslation("topup.open-payment-page"));
            open.setTarget(AnchorTarget.BLANK);
            item.add(new Div(open));
        }
        if (t.instructions() != null) {
            Pre instructions = new Pre(t.instructions());
            instructions.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0");
            item.add(instructions);
        }
        if (t.qrString() != null) {
            Details qr = new Details(getTranslation("wallet.show-qr"), QrCodes.image(t.qrString(), 200, getTranslation("topup.qr-alt")));
            item.add(qr);
        }
        if (t.reportedPaidAt() != null) {
            Span told = new Span(getTranslation("wallet.reported-paid", when.format(t.reportedPaidAt())));
            told.addClassName("ordino-muted");
            item.add(new Div(told));
        } else {
            Button paid = new Button(getTranslation("topup.i-have-paid"));
            paid.setId("report-paid-" + t.paymentId());
            paid.setDisableOnClick(true);
            paid.addClickListener(e -> {
                try {
                    topUps.reportPaid(user, t.paymentId());
                    Feedback.success(getTranslation("topup.reported-paid"));
                } catch (DomainException ex) {
                    Feedback.error(Feedback.message(this, ex));
                }
                showPending();
            });
            item.add(new Div(paid, new Span(" "), new Anchor("wallet/top-ups/" + t.paymentId(), getTranslation("wallet.top-up-page"))));
        }
        return item;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wallet.title");
    }
}
