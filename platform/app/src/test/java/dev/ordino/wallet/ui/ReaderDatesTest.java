package dev.ordino.wallet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A wallet entry's date reads as its reader reads dates, in the browser's time zone: a Russian
 * reader in Jakarta sees "01.12.2026, 17:05", an Indonesian one "01/12/26 17.05", whatever the server's zone.
 */
class ReaderDatesTest extends KaribuTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Autowired
    Actors actors;

    @Test
    void russianAndIndonesianReadersSeeTheirOwnDateFormatInTheirOwnTimeZone() {
        // both wallets funded before anyone signs in: the page's sign-in is the security context from then on
        Instant before = Instant.now();
        AccountSummary russian = actors.customerWith("10.00");
        AccountSummary indonesian = actors.customerWith("10.00");
        Instant after = Instant.now();
        showsDatesAs(russian, "ru", "dd.MM.yyyy, HH:mm", before, after);
        setUpVaadin();
        showsDatesAs(indonesian, "id", "dd/MM/yy HH.mm", before, after);
    }

    /** Opens the wallet of a new customer as a reader in Jakarta: its entry shows the date in {@code pattern}. */
    private void showsDatesAs(AccountSummary customer, String language, String pattern, Instant before, Instant after) {
        signIn(customer);
        UI ui = UI.getCurrent();
        ui.setLocale(Locale.forLanguageTag(language));
        Map<String, String> browser = Map.of("v-tzid", "Asia/Jakarta", "v-tzo", "-420", "v-rtzo", "-420", "v-dstd", "0",
                "v-dston", "false", "v-curdate", Long.toString(System.currentTimeMillis()), "v-td", "false", "v-pr", "1",
                "v-wn", "w", "v-np", "Linux");
        ExtendedClientDetails.updateFromValues(ui, key -> browser.getOrDefault(key, "0"));
        ui.navigate("wallet");
        @SuppressWarnings("unchecked")
        Grid<Object> ledger = _get(Grid.class, spec -> spec.withId("ledger"));
        String page = GridKt._getCellComponent(ledger, 0, "entry").getElement().getTextRecursively();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(JAKARTA);
        assertThat(page).as(language).containsAnyOf(format.format(before), format.format(after));
    }
}
