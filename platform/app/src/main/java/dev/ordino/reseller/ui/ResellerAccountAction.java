package dev.ordino.reseller.ui;

import dev.ordino.base.ui.UserAction;
import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.PriceTiers;
import org.springframework.stereotype.Component;

/** The users page's entry for a customer's price tier and API keys. */
@Component
class ResellerAccountAction implements UserAction {

    private final PriceTiers tiers;
    private final ApiKeys keys;

    ResellerAccountAction(PriceTiers tiers, ApiKeys keys) {
        this.tiers = tiers;
        this.keys = keys;
    }

    @Override
    public String labelKey() {
        return "admin.reseller.menu";
    }

    @Override
    public void open(long userId, String email, String actor, Runnable changed) {
        ResellerAccountDialog dialog = new ResellerAccountDialog(tiers, keys, userId, email, actor);
        dialog.onSaved(changed);
        dialog.open();
    }
}
