package dev.ordino.ordering.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.reseller.PriceTiers;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** A customer with a price tier sees and pays the tier's price in the web's order form. */
class TieredOrderFormTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    PriceTiers tiers;
    @Autowired
    CatalogService catalog;
    @Autowired
    WalletService wallet;

    @Test
    void theOrderFormShowsAndChargesTheCustomersDiscountedPrice() {
        AccountSummary customer = actors.customerWith("10.00");
        actors.asAdmin(() -> tiers.set(customer.id(), new BigDecimal("20"), Actors.ADMIN_EMAIL));
        signIn(customer);
        UI.getCurrent().navigate("");
        OrderDialog form = _get(ShopView.class).openOrder(catalog.offerings(new OfferingFilter(null, null, "TikTok Followers", false),
                Pageable.ofSize(5)).getContent().stream().filter(o -> o.name().equals("TikTok Followers")).findFirst().orElseThrow());

        form.quantity.setValue(new BigDecimal("1000"));
        assertThat(form.total.getText()).as("5.00 less 20 %").isEqualTo("4.00 USD");
        form.link.setValue("https://www.tiktok.com/@tiered");
        form.orderNow();
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("6.00");
    }
}
