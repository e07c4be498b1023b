package dev.ordino.wallet.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.security.CurrentUser;
import dev.ordino.wallet.LedgerEntry;
import dev.ordino.wallet.WalletService;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The customer's balance and every movement of it. */
@Route(value = "wallet", layout = MainLayout.class)
@PermitAll
public class WalletView extends VerticalLayout implements HasDynamicTitle {

    final Span balance = new Span();
    final Grid<LedgerEntry> ledger = new Grid<>();

    public WalletView(WalletService wallet, StoreCurrency currency, CurrentUser currentUser) {
        addClassName("ordino-page");
        setPadding(false);
        long user = currentUser.requireId();
        balance.setId("wallet-balance");
        balance.setText(currency.display(wallet.balance(user)));
        balance.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "700");
        // The top-up page belongs to the payment module; linked by route so the wallet does not depend on it.
        com.vaadin.flow.component.html.Anchor topUp = new com.vaadin.flow.component.html.Anchor("wallet/top-up",
                getTranslation("wallet.top-up"));
        topUp.setId("wallet-top-up");
        topUp.getStyle().set("display", "inline-block").set("margin-top", "var(--lumo-space-s)");
        Div card = new Div(new Div(getTranslation("wallet.balance")), balance, topUp);
        card.addClassName("ordino-card");

        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());
        ledger.setId("ledger");
        ledger.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // One card-like row per movement: readable on a phone, still a lazy grid underneath.
        ledger.addColumn(new com.vaadin.flow.data.renderer.ComponentRenderer<>(e -> {
            Span what = new Span(getTranslation("ledger." + e.type().key()));
            what.getStyle().set("font-weight", "600");
            Span amount = new Span((e.amount().signum() > 0 ? "+" : "") + currency.format(e.amount()));
            amount.getStyle().set("font-weight", "600").set("color", e.amount().signum() > 0
                    ? "var(--lumo-success-text-color)" : "var(--lumo-body-text-color)");
            Div top = new Div(what, amount);
            top.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-s)");
            Div detail = new Div((e.description() == null ? "" : e.description() + " · ") + when.format(e.createdAt())
                    + " · " + getTranslation("wallet.after") + " " + currency.format(e.balanceAfter()));
            detail.addClassName("ordino-muted");
            return new Div(top, detail);
        })).setHeader(getTranslation("wallet.what")).setKey("entry");
        ledger.setItemsPageable(pageable -> wallet.transactions(user, pageable).getContent());
        ledger.setEmptyStateText(getTranslation("wallet.empty"));
        ledger.setHeight("60vh");
        add(new H2(getTranslation("wallet.title")), card, ledger);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("wallet.title") + " · " + getTranslation("app.name");
    }
}
