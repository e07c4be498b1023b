package dev.ordino.reseller.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.CarriedValue;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.ReaderFormat;
import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.PriceTiers;
import java.math.BigDecimal;

/**
 * A customer as a reseller, for staff: the discount of their price tier (a form, saved by
 * {@link PriceTiers#set}) and their API keys with when each was last used, each of which staff
 * can turn off after a confirmation (a leak, abuse).
 */
public class ResellerAccountDialog extends EditorDialog<ResellerAccountDialog.Tier> {

    /** The form's record: whose tier, and the discount in percent (0 removes it). */
    public record Tier(Long customerId, BigDecimal discountPercent) {
    }

    final BigDecimalField discountPercent = new BigDecimalField();
    final Grid<ApiKeys.KeyView> keys = new Grid<>();
    private final PriceTiers tiers;
    private final ApiKeys apiKeys;
    private final long userId;
    private final String actor;

    ResellerAccountDialog(PriceTiers tiers, ApiKeys apiKeys, long userId, String email, String actor) {
        super(Tier.class, "", "price-tier");
        this.tiers = tiers;
        this.apiKeys = apiKeys;
        this.userId = userId;
        this.actor = actor;
        setHeaderTitle(getTranslation("admin.reseller.title", email));
        setWidth("min(100%, 40rem)");
        discountPercent.setId("price-tier-discount");
        discountPercent.setLabel(getTranslation("admin.reseller.discount"));
        discountPercent.setHelperText(getTranslation("admin.reseller.discount-help"));
        discountPercent.setSuffixComponent(new Span("%"));
        fields.add(discountPercent);
        binder.forField(CarriedValue.<Long>kept()).bind("customerId");
        binder.forField(discountPercent).bind("discountPercent");
        binder.readRecord(new Tier(userId, tiers.discountPercent(userId)));

        keys.setId("reseller-keys");
        keys.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        keys.addColumn(k -> k.prefix() + "…").setHeader(getTranslation("api.prefix")).setAutoWidth(true).setFlexGrow(0);
        keys.addColumn(ApiKeys.KeyView::name).setHeader(getTranslation("api.key-name"));
        keys.addColumn(k -> ReaderFormat.dateTime(this, k.lastUsedAt(), getTranslation("admin.reseller.never-used")))
                .setHeader(getTranslation("api.last-used"));
        keys.addColumn(new ComponentRenderer<>(this::disableButton)).setKey("disable").setAutoWidth(true).setFlexGrow(0);
        keys.setEmptyStateText(getTranslation("api.no-keys"));
        keys.setAllRowsVisible(true); // at most ApiKeys.MAX_KEYS rows
        add(new H4(getTranslation("api.keys")), keys);
        showKeys();
    }

    private void showKeys() {
        keys.setItems(apiKeys.mine(userId));
    }

    private Component disableButton(ApiKeys.KeyView key) {
        if (key.disabled()) {
            return new Span(getTranslation("api.disabled"));
        }
        Button disable = new Button(getTranslation("admin.reseller.disable"), e -> confirmDisable(key));
        disable.setId("disable-key-" + key.id());
        disable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return disable;
    }

    ConfirmDialog confirmDisable(ApiKeys.KeyView key) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("admin.reseller.disable-title"),
                getTranslation("admin.reseller.disable-text", key.prefix() + "…", key.name()),
                getTranslation("admin.reseller.disable"), e -> disable(key));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
        return confirm;
    }

    private void disable(ApiKeys.KeyView key) {
        try {
            apiKeys.disable(key.id(), actor);
            Feedback.success(getTranslation("admin.reseller.disabled", key.prefix() + "…"));
        } catch (DomainException ex) {
            Feedback.error(Feedback.message(this, ex));
        }
        showKeys();
    }

    @Override
    protected void store(Tier tier) {
        tiers.set(tier.customerId(), tier.discountPercent(), actor);
        Feedback.success(getTranslation("admin.reseller.saved"));
    }
}
