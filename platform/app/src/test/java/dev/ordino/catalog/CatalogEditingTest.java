package dev.ordino.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.base.DomainException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

@OrdinoTest
class CatalogEditingTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    Actors actors;

    private static String code(Throwable e) {
        return ((DomainException) e).code();
    }

    @Test
    void theSampleCatalogOfTheSeedsIsThereOnFirstStart() {
        assertThat(catalog.categories(false)).extracting(CategorySummary::slug)
                .contains("tiktok", "instagram", "youtube", "facebook", "telegram", "design", "accessories");
        OfferingView fb = catalog.offerings(new OfferingFilter("facebook", null, "Followers", false), Pageable.ofSize(5)).getContent().getFirst();
        assertThat(fb.price()).isEqualByComparingTo("1.00");
        assertThat(fb.pricePer()).isEqualTo(50);
        assertThat(catalog.offerings(new OfferingFilter(null, OfferingKind.PRODUCT, null, false), Pageable.ofSize(10)).getContent())
                .extracting(OfferingView::name).contains("Laptop Stand", "Wireless Mouse");
    }

    @Test
    void staffCreateEditAndDisableOfferingsWithValidation() {
        long design = catalog.categories(true).stream().filter(c -> c.slug().equals("design")).findFirst().orElseThrow().id();
        OfferingView banner = actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, design, OfferingKind.CUSTOM,
                "Banner " + System.nanoTime(), "A banner", new BigDecimal("49.5"), 7, 1L, 3L, "3 days", 0, false, null, null, true)));
        assertThat(banner.pricePer()).as("custom work is priced per unit").isEqualTo(1);
        assertThat(banner.price()).isEqualByComparingTo("49.50");

        OfferingForm disabled = OfferingForm.perUnit(banner.id(), design, OfferingKind.CUSTOM, banner.name(), null,
                new BigDecimal("59"), 1, 1L, 3L, null, 0, false, null, null, false);
        actors.asAdmin(() -> catalog.saveOffering(disabled));
        assertThat(catalog.offerings(new OfferingFilter("design", null, banner.name(), false), Pageable.ofSize(5)).getContent()).isEmpty();
        assertThat(catalog.offerings(new OfferingFilter("design", null, banner.name(), true), Pageable.ofSize(5)).getContent()).hasSize(1);

        assertThatThrownBy(() -> actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, design, OfferingKind.SERVICE,
                "Bad range", null, new BigDecimal("1"), 100, 500L, 100L, null, 0, false, null, null, true))))
                .extracting(CatalogEditingTest::code).isEqualTo("invalid_quantity_range");
        assertThatThrownBy(() -> actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, design, OfferingKind.SERVICE,
                "Bad price", null, new BigDecimal("0.00001"), 100, 1L, 100L, null, 0, false, null, null, true))))
                .extracting(CatalogEditingTest::code).isEqualTo("invalid_price");
        assertThatThrownBy(() -> actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, design, OfferingKind.SERVICE,
                " ", null, new BigDecimal("1"), 100, 1L, 100L, null, 0, false, null, null, true))))
                .extracting(CatalogEditingTest::code).isEqualTo("required");
        assertThatThrownBy(() -> actors.asAdmin(() -> catalog.saveCategory(new CategoryForm(null, "TikTok again", "tiktok",
                Platform.TIKTOK, 1, true)))).extracting(CatalogEditingTest::code).isEqualTo("slug_taken");
    }

    @Test
    void customersCannotEditTheCatalog() {
        var customer = actors.customer();
        assertThatThrownBy(() -> actors.as(customer, () -> catalog.saveCategory(new CategoryForm(null, "Mine", null, Platform.OTHER, 1, true))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
