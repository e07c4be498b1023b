package dev.ordino.reseller.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingView;
import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.MassOrders;
import dev.ordino.reseller.PanelActions;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/** The API page and the mass order page as a customer uses them. */
class ResellerViewsTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    CatalogService catalog;
    @Autowired
    PanelActions panel;
    @Autowired
    WalletService wallet;
    @Autowired
    JdbcTemplate jdbc;

    private OfferingView followers() {
        return catalog.offerings(new OfferingFilter(null, null, "TikTok Followers", false), Pageable.ofSize(5)).getContent()
                .stream().filter(o -> o.name().equals("TikTok Followers")).findFirst().orElseThrow();
    }

    @Test
    void aKeyIsShownOnceListedByItsPrefixAndItsCallsAppearWithoutIt() {
        AccountSummary customer = actors.customerWith("3.00");
        signIn(customer);
        UI.getCurrent().navigate("api-keys");
        ApiView page = _get(ApiView.class);
        assertThat(GridKt._size(page.keys)).isZero();

        page.name.setValue("My panel");
        page.addresses.setValue("203.0.113.7, 198.51.100.0/24");
        page.create();
        String key = _get(page.shownOnce, Span.class, spec -> spec.withId("api-key-value")).getText();
        assertThat(key).startsWith("ord_");
        assertThat(GridKt._size(page.keys)).isEqualTo(1);
        ApiKeys.KeyView listed = GridKt._get(page.keys, 0);
        assertThat(listed.name()).isEqualTo("My panel");
        assertThat(key).startsWith(listed.prefix());
        assertThat(listed.allowedIps()).containsExactly("203.0.113.7", "198.51.100.0/24");
        assertThat(GridKt._getFormattedRow(page.keys, 0)).noneMatch(cell -> cell.contains(key));

        panel.handle(Map.of("key", key, "action", "balance"), "203.0.113.7");
        panel.handle(Map.of("key", key, "action", "balance"), "192.0.2.1");
        UI.getCurrent().navigate("");
        UI.getCurrent().navigate("api-keys");
        ApiView again = _get(ApiView.class);
        assertThat(again.shownOnce.isVisible()).as("shown once: not after leaving the page").isFalse();
        assertThat(GridKt._size(again.calls)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(again.calls, 0)).contains("balance", "IP address not allowed", "192.0.2.1")
                .noneMatch(cell -> cell.contains(key));
        assertThat(GridKt._getFormattedRow(again.calls, 1)).contains("ok", "203.0.113.7");

        again.rotate(GridKt._get(again.keys, 0));
        String rotated = _get(again.shownOnce, Span.class, spec -> spec.withId("api-key-value")).getText();
        assertThat(rotated).isNotEqualTo(key);
        assertThat(panel.handle(Map.of("key", key, "action", "balance"), "203.0.113.7").body())
                .isEqualTo(Map.of("error", "Invalid API key"));

        again.revoke(GridKt._get(again.keys, 0));
        assertThat(GridKt._size(again.keys)).isZero();
        assertThat(panel.handle(Map.of("key", rotated, "action", "balance"), "203.0.113.7").body())
                .isEqualTo(Map.of("error", "Invalid API key"));
    }

    @Test
    void aBadAddressIsShownOnItsField() {
        signIn(actors.customer());
        UI.getCurrent().navigate("api-keys");
        ApiView page = _get(ApiView.class);
        page.name.setValue("x");
        page.addresses.setValue("panel.example.com");
        page.create();
        assertThat(page.addresses.isInvalid()).isTrue();
        assertThat(page.addresses.getErrorMessage()).contains("panel.example.com");
        assertThat(GridKt._size(page.keys)).isZero();
    }

    @Test
    void theMassOrderPreviewJudgesEachLineAndPlacingChargesEachLineOnce() {
        AccountSummary customer = actors.customerWith("5.00");
        long service = followers().id();
        long min = followers().minQuantity();
        signIn(customer);
        UI.getCurrent().navigate("mass-order");
        MassOrderView page = _get(MassOrderView.class);

        page.text.setValue(service + "|https://www.tiktok.com/@one|" + min + "\n999999|https://www.tiktok.com/@two|" + min);
        page.preview();
        assertThat(GridKt._size(page.lines)).isEqualTo(2);
        MassOrders.LineResult first = GridKt._get(page.lines, 0);
        assertThat(first.ok()).isTrue();
        assertThat(GridKt._get(page.lines, 1).code()).isEqualTo("product_not_found");
        assertThat(page.place.isEnabled()).as("nothing is placed while a line fails").isFalse();

        page.text.setValue(service + "|https://www.tiktok.com/@one|" + min + "\n" + service + "|https://www.tiktok.com/@two|" + min);
        page.preview();
        assertThat(GridKt._size(page.lines)).isEqualTo(2);
        assertThat(page.place.isEnabled()).isTrue();
        BigDecimal total = GridKt._get(page.lines, 0).total().add(GridKt._get(page.lines, 1).total());
        assertThat(page.total.getText()).contains(total.setScale(2).toPlainString());
        assertThat(wallet.balance(customer.id())).as("a preview charges nothing").isEqualByComparingTo("5.00");

        page.place();
        page.place(); // a double click places once
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = ?", Long.class, customer.id()))
                .isEqualTo(2);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo(new BigDecimal("5.00").subtract(total));
    }
}
