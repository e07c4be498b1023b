package dev.ordino.catalog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.CategorySummary;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.Platform;
import dev.ordino.security.Roles;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** Staff edit categories and offerings; what the catalog refuses shows on the field it is about. */
class CatalogEditorsTest extends KaribuTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    Actors actors;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private CatalogAdminView view;

    @BeforeEach
    void openTheCatalog() {
        signIn("staff@example.com", Roles.STAFF);
        UI.getCurrent().navigate("admin/catalog");
        view = _get(CatalogAdminView.class);
        NotificationsKt.clearNotifications();
    }

    @Test
    void aSlugWithSpacesIsRefusedOnTheSlugFieldAndAGoodOneSaves() {
        CategoryEditor editor = view.editCategory(null);
        assertThat(editor.name.isRequiredIndicatorVisible()).isTrue();
        editor.name.setValue("Reels " + run);
        editor.slug.setValue("Reels " + run);
        editor.submit();

        assertThat(editor.slug.isInvalid()).isTrue();
        assertThat(editor.slug.getErrorMessage()).isEqualTo("Use lower-case letters, digits and dashes.");
        assertThat(editor.name.isInvalid()).isFalse();
        assertThat(NotificationsKt.getNotifications()).as("on the field, not in a notification").isEmpty();
        assertThat(editor.isOpened()).isTrue();

        editor.slug.setValue("reels-" + run);
        editor.platform.setValue(Platform.INSTAGRAM);
        editor.submit();
        assertThat(editor.isOpened()).isFalse();
        assertThat(editor.slug.isInvalid()).isFalse();
        NotificationsKt.expectNotifications("Saved");
        assertThat(catalog.categories(true)).anySatisfy(c -> {
            assertThat(c.slug()).isEqualTo("reels-" + run);
            assertThat(c.name()).isEqualTo("Reels " + run);
            assertThat(c.platform()).isEqualTo(Platform.INSTAGRAM);
        });
    }

    @Test
    void aRefusalThatNamesNoFieldIsShownAboveTheFormInWordsNotAsAKey() {
        // Another member of staff deleted it meanwhile: the form has no field for that.
        CategoryEditor editor = view.editCategory(new CategorySummary(Long.MAX_VALUE, "Gone", "gone-" + run, Platform.OTHER, 1, true, 0));
        editor.submit();

        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.errors.formMessage().isVisible()).isTrue();
        assertThat(editor.errors.formMessage().getText()).isEqualTo("No such category.");
        assertThat(NotificationsKt.getNotifications()).isEmpty();
    }

    @Test
    void aNegativePriceIsRefusedOnThePriceFieldAndAGoodOneSaves() {
        CategorySummary category = actors.asAdmin(() -> catalog.saveCategory(
                new dev.ordino.catalog.CategoryForm(null, "Offers " + run, "offers-" + run, Platform.OTHER, 1, true)));
        OfferingEditor editor = view.editOffering(null);
        assertThat(editor.pricePer.getValue()).as("new services are priced per 1000").isEqualTo(1000);
        editor.category.setValue(editor.category.getListDataView().getItems().filter(c -> c.id() == category.id())
                .findFirst().orElseThrow());
        editor.name.setValue("Followers " + run);
        editor.price.setValue(new BigDecimal("-1"));
        editor.submit();

        assertThat(editor.price.isInvalid()).isTrue();
        assertThat(editor.price.getErrorMessage()).isEqualTo("Enter a price of zero or more with at most 4 decimals.");
        assertThat(NotificationsKt.getNotifications()).isEmpty();

        editor.price.setValue(new BigDecimal("2.5"));
        editor.minQuantity.setValue(100);
        editor.submit();
        assertThat(editor.isOpened()).isFalse();
        OfferingView saved = catalog.offerings(new OfferingFilter(null, null, "Followers " + run, true), Pageable.ofSize(5))
                .getContent().getFirst();
        assertThat(saved.categoryId()).isEqualTo(category.id());
        assertThat(saved.kind()).isEqualTo(OfferingKind.SERVICE);
        assertThat(saved.price()).isEqualByComparingTo("2.5");
        assertThat(saved.pricePer()).isEqualTo(1000);
        assertThat(saved.minQuantity()).isEqualTo(100);
        assertThat(saved.maxQuantity()).isEqualTo(10_000);

        // Editing it again shows what was saved and keeps what the form does not show.
        OfferingEditor again = view.editOffering(saved);
        assertThat(again.name.getValue()).isEqualTo("Followers " + run);
        assertThat(again.category.getValue().id()).isEqualTo(category.id());
        again.minQuantity.setValue(20_000);
        again.submit();
        assertThat(again.minQuantity.isInvalid()).as("above the maximum").isTrue();
        assertThat(again.minQuantity.getErrorMessage()).isNotBlank().doesNotStartWith("!");
    }

    @Test
    void aDigitalOfferingGetsItsPackagesThresholdAndOutOfStockRuleFromTheEditor() {
        CategorySummary category = actors.asAdmin(() -> catalog.saveCategory(
                new dev.ordino.catalog.CategoryForm(null, "Cards " + run, "cards-" + run, Platform.OTHER, 1, true)));
        OfferingEditor editor = view.editOffering(null);
        assertThat(editor.packages.isVisible()).as("services have no packages").isFalse();
        editor.category.setValue(editor.category.getListDataView().getItems().filter(c -> c.id() == category.id())
                .findFirst().orElseThrow());
        editor.kind.setValue(OfferingKind.DIGITAL);
        assertThat(editor.packages.isVisible()).isTrue();
        assertThat(editor.whenOutOfStock.isVisible()).isTrue();
        editor.name.setValue("Gift card " + run);
        editor.price.setValue(new BigDecimal("5"));

        editor.packages.setValue("1 = 5\nfive = 20");
        editor.submit();
        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.packages.isInvalid()).isTrue();
        assertThat(editor.packages.getErrorMessage()).contains("five = 20").doesNotStartWith("!");

        editor.packages.setValue("1 = 5\n1 = 4");
        editor.submit();
        assertThat(editor.packages.isInvalid()).as("the catalog's refusal lands on the packages").isTrue();
        assertThat(editor.packages.getErrorMessage()).isEqualTo("Each package size once: 1 is there twice.");

        editor.packages.setValue("5 = 22.50\n1 = 5\n");
        editor.lowStockThreshold.setValue(3);
        editor.whenOutOfStock.setValue(dev.ordino.catalog.WhenOutOfStock.REFUND);
        editor.submit();
        assertThat(editor.isOpened()).isFalse();
        OfferingView saved = catalog.offerings(new OfferingFilter(null, null, "Gift card " + run, true), Pageable.ofSize(5))
                .getContent().getFirst();
        assertThat(saved.packages()).extracting(p -> p.size() + "=" + p.price().stripTrailingZeros().toPlainString())
                .containsExactly("1=5", "5=22.5");
        assertThat(saved.lowStockThreshold()).isEqualTo(3);
        assertThat(saved.whenOutOfStock()).isEqualTo(dev.ordino.catalog.WhenOutOfStock.REFUND);

        // Opened again, it shows them; a price change on one line is saved as it is written.
        OfferingEditor again = view.editOffering(saved);
        assertThat(again.packages.getValue()).isEqualTo("1 = 5\n5 = 22.5");
        again.packages.setValue("1 = 5\n5 = 21");
        again.submit();
        assertThat(catalog.offering(saved.id()).orElseThrow().packages()).extracting(p -> p.price().stripTrailingZeros().toPlainString())
                .containsExactly("5", "21");
    }
}
