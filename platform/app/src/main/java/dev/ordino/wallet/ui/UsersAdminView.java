package dev.ordino.wallet.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.SmallScreens;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.UserAction;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Users and their wallets: search, roles, disable, wallet adjustment with a reason, and what other modules offer per user. */
@Route(value = "admin/users", layout = AdminLayout.class)
@RolesAllowed(Roles.ADMIN)
public class UsersAdminView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<AccountSummary> grid = new Grid<>();

    private final AccountService accounts;
    private final WalletService wallet;
    private final StoreCurrency currency;
    private final String actor;
    private final Map<Long, BigDecimal> balances = new HashMap<>();
    private final List<UserAction> moreActions;

    public UsersAdminView(AccountService accounts, WalletService wallet, StoreCurrency currency, CurrentUser currentUser,
                          List<UserAction> moreActions) {
        this.moreActions = moreActions;
        this.accounts = accounts;
        this.wallet = wallet;
        this.currency = currency;
        this.actor = currentUser.email().orElse("admin");
        setSizeFull();
        search.setId("users-search");
        search.setPlaceholder(getTranslation("admin.users.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidth("min(100%, 24rem)");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(AccountSummary::email).setHeader(getTranslation("admin.users.email")).setKey("email")
                .setFlexGrow(2).setTooltipGenerator(AccountSummary::email);
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("admin.users.name")).setKey("name");
        grid.addColumn(a -> String.join(", ", new TreeSet<>(a.roles()))).setHeader(getTranslation("admin.users.roles")).setKey("roles");
        grid.addColumn(a -> currency.display(balances.getOrDefault(a.id(), BigDecimal.ZERO))).setHeader(getTranslation("wallet.balance")).setKey("balance");
        grid.addColumn(a -> getTranslation(a.enabled() ? "admin.users.active" : "admin.users.disabled"))
                .setHeader(getTranslation("admin.users.state")).setKey("state");
        // On a phone the e-mail needs the room: name, e-mail and balance in one cell beside the actions.
        grid.addColumn(new ComponentRenderer<>(this::summary)).setHeader(getTranslation("admin.users.title"))
                .setKey(SmallScreens.SUMMARY).setVisible(false);
        // Kept at the right edge while the other columns scroll, so a phone reaches them without scrolling sideways.
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setKey("actions").setWidth("10.5rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.setItemsPageable(pageable -> {
            var page = accounts.search(search.getValue(), pageable).getContent();
            balances.putAll(wallet.balances(page.stream().map(AccountSummary::id).toList())); // one query per page
            return page;
        });
        grid.setEmptyStateText(getTranslation("admin.users.empty"));
        add(search, grid);
    }

    private Div summary(AccountSummary account) {
        Div name = new Div(account.displayName());
        name.getStyle().set("font-weight", "600");
        Div email = new Div(account.email());
        email.getStyle().set("overflow-wrap", "anywhere");
        Div facts = new Div(currency.display(balances.getOrDefault(account.id(), BigDecimal.ZERO))
                + (account.enabled() ? "" : " · " + getTranslation("admin.users.disabled")));
        facts.addClassName("ordino-muted");
        Div cell = new Div(name, email, facts);
        cell.getStyle().set("white-space", "normal").set("min-width", "0");
        return cell;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        SmallScreens.ask(event.getUI(), this::usePhoneLayout);
    }

    /** A phone shows the summary and the actions; a laptop every column. */
    void usePhoneLayout(boolean phone) {
        SmallScreens.fitColumns(grid, phone, SmallScreens.SUMMARY, "actions");
    }

    private HorizontalLayout actions(AccountSummary account) {
        Button adjust = new Button(getTranslation("admin.users.adjust"), e -> openAdjustment(account));
        adjust.setId("adjust-" + account.id());
        adjust.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        // One menu instead of three buttons: narrow enough to stay beside the e-mail on a phone.
        MenuBar more = new MenuBar();
        more.setId("user-actions-" + account.id());
        more.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        var item = more.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        item.setAriaLabel(getTranslation("admin.users.actions"));
        item.getSubMenu().addItem(getTranslation("admin.users.roles"), e -> openRoles(account));
        item.getSubMenu().addItem(getTranslation(account.enabled() ? "admin.users.disable" : "admin.users.enable"), e -> confirmEnabled(account));
        moreActions.forEach(action -> item.getSubMenu().addItem(getTranslation(action.labelKey()),
                e -> action.open(account.id(), account.email(), actor, grid.getDataProvider()::refreshAll)));
        HorizontalLayout actions = new HorizontalLayout(adjust, more);
        actions.setSpacing(false);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        return actions;
    }

    AdjustmentDialog openAdjustment(AccountSummary account) {
        AdjustmentDialog dialog = new AdjustmentDialog(wallet, account, currency.display(wallet.balance(account.id())), actor);
        dialog.onSaved(() -> {
            grid.getDataProvider().refreshAll();
            Feedback.success(getTranslation("admin.users.adjusted"));
        });
        dialog.open();
        return dialog;
    }

    private void openRoles(AccountSummary account) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("admin.users.roles-title", account.email()));
        CheckboxGroup<String> roles = new CheckboxGroup<>();
        roles.setItems(Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN);
        roles.setValue(account.roles());
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                accounts.setRoles(account.id(), Set.copyOf(roles.getValue()), actor);
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (DomainException ex) {
                Feedback.invalid(roles, Feedback.message(this, ex));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(roles);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    private void confirmEnabled(AccountSummary account) {
        boolean enable = !account.enabled();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation(enable ? "admin.users.enable" : "admin.users.disable"),
                getTranslation(enable ? "admin.users.enable-text" : "admin.users.disable-text", account.email()),
                getTranslation(enable ? "admin.users.enable" : "admin.users.disable"), e -> {
                    try {
                        accounts.setEnabled(account.id(), enable, actor);
                        grid.getDataProvider().refreshAll();
                    } catch (DomainException ex) {
                        Feedback.error(Feedback.message(this, ex));
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.users.title");
    }
}
