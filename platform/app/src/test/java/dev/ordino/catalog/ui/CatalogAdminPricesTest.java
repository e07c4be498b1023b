package dev.ordino.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouterLink;
import dev.ordino.KaribuTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Staff read SMM prices as customers do, per 1000; the catalog offers "New order" once. */
class CatalogAdminPricesTest extends KaribuTest {

    @Test
    void theCatalogEditorShowsSmmPricesPerThousand() {
        signIn("staff@example.com", "ADMIN");
        UI.getCurrent().navigate("admin/catalog");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("offerings-admin-grid"));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(String.join(" | ", GridKt._getFormattedRow(grid, i)));
        }
        // "TikTok Followers" is stored as 0.50 per 100
        assertThat(rows).filteredOn(r -> r.startsWith("TikTok Followers |")).singleElement().asString()
                .contains("5.00 USD per 1000").doesNotContain("/ 100");
        assertThat(rows).filteredOn(r -> r.startsWith("Laptop Stand |")).singleElement().asString()
                .contains("49.99 USD").doesNotContain("per 1000");
    }

    @Test
    void onAPhoneEachOfferingIsOneCellWithItsNameAndPricePerThousand() {
        signIn("staff@example.com", "ADMIN");
        UI.getCurrent().navigate("admin/catalog");
        CatalogAdminView view = _get(CatalogAdminView.class);
        view.usePhoneLayout(true);
        assertThat(view.offerings.getColumns()).filteredOn(Grid.Column::isVisible).extracting(Grid.Column::getKey)
                .containsExactly("summary");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < GridKt._size(view.offerings); i++) {
            cells.add(GridKt._getCellComponent(view.offerings, i, "summary").getElement().getTextRecursively());
        }
        assertThat(cells).filteredOn(c -> c.startsWith("TikTok Followers")).singleElement().asString()
                .contains("5.00 USD per 1000");

        view.usePhoneLayout(false);
        assertThat(view.offerings.getColumnByKey("price").isVisible()).isTrue();
        assertThat(view.offerings.getColumnByKey("summary").isVisible()).isFalse();
    }

    @Test
    void theCatalogPageLinksToNewOrderOnceTheOtherPagesInTheHeader() {
        UI.getCurrent().navigate("");
        long links = _find(Anchor.class).stream().filter(a -> "new-order".equals(a.getHref()) && isShown(a)).count()
                + _find(RouterLink.class).stream().filter(a -> "new-order".equals(a.getHref()) && isShown(a)).count();
        assertThat(links).isEqualTo(1);
        UI.getCurrent().navigate("new-order");
        assertThat(_find(Anchor.class, spec -> spec.withId("nav-new-order"))).singleElement().matches(CatalogAdminPricesTest::isShown);
    }

    private static boolean isShown(com.vaadin.flow.component.Component c) {
        for (var at = java.util.Optional.of(c); at.isPresent(); at = at.get().getParent()) {
            if (!at.get().isVisible()) {
                return false;
            }
        }
        return true;
    }
}
