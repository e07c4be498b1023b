package dev.ordino.catalog;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.internal.Category;
import dev.ordino.catalog.internal.CategoryRepository;
import dev.ordino.catalog.internal.Offering;
import dev.ordino.catalog.internal.OfferingRepository;
import java.math.BigDecimal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A first start of the embedded default gets the shop items of the seed write-ups, each kind in a
 * section of its own: custom services, products and gift cards. The SMM services are not made
 * here: they are the demo provider's, imported when it is configured, so each one is sent to a
 * provider and moves (and none is listed twice). Never on a database that already has
 * categories, and not on an external database unless {@code ORDINO_DEMO_DATA=true}. Prices are
 * written in dollars and converted to the store currency's usual magnitude.
 */
@Component
@Order(1)
class CatalogSampleData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogSampleData.class);

    private final CategoryRepository categories;
    private final OfferingRepository offerings;
    private final Clock clock;
    private final StoreCurrency currency;
    private final boolean enabled;

    CatalogSampleData(CategoryRepository categories, OfferingRepository offerings, Clock clock, StoreCurrency currency,
                      @Value("${ordino.demo-data:#{'${spring.datasource.url:}'.isBlank()}}") boolean enabled) {
        this.categories = categories;
        this.offerings = offerings;
        this.clock = clock;
        this.currency = currency;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || categories.count() > 0) {
            return;
        }
        Category design = category("Design", "design", Platform.OTHER, 60);
        simple(design, OfferingKind.CUSTOM, "Website Design", "Professional website design service", price("999.00"), null, "14 days");
        simple(design, OfferingKind.CUSTOM, "Logo Creation", "Custom logo design", price("299.00"), null, "5 days");
        Category accessories = category("Accessories", "accessories", Platform.OTHER, 70);
        simple(accessories, OfferingKind.PRODUCT, "Laptop Stand", "Ergonomic aluminum laptop stand", price("49.99"), 25, null);
        simple(accessories, OfferingKind.PRODUCT, "Wireless Mouse", "Bluetooth wireless mouse", price("29.99"), 40, null);
        Category giftCards = category("Gift cards", "gift-cards", Platform.OTHER, 80);
        giftCard(giftCards, currency.roundFigure(BigDecimal.TEN));
        giftCard(giftCards, currency.roundFigure(new BigDecimal("25")));
        log.info("Sample catalog created: {} categories, {} offerings", categories.count(), offerings.count());
    }

    private Category category(String name, String slug, Platform platform, int sortOrder) {
        return categories.save(new Category(name, slug, platform, sortOrder));
    }

    /** A gift card is worth what it costs: a round figure in the store currency. */
    private void giftCard(Category category, BigDecimal value) {
        String figure = value.stripTrailingZeros().toPlainString();
        simple(category, OfferingKind.DIGITAL, "Gift card " + figure, "A code worth " + figure + " " + currency.code()
                + ", delivered once paid", value.setScale(StoreCurrency.PRICE_SCALE), null, "Instant");
    }

    private BigDecimal price(String usd) {
        return currency.priceFromUsd(new BigDecimal(usd)).setScale(StoreCurrency.PRICE_SCALE);
    }

    private void simple(Category category, OfferingKind kind, String name, String description, BigDecimal price, Integer stock,
                        String delivery) {
        Offering offering = new Offering(category, kind, name, price, clock.instant());
        offering.setDescription(description);
        offering.setStock(stock);
        offering.setDeliveryTime(delivery);
        offering.setMaxQuantity(kind == OfferingKind.CUSTOM ? 5 : 20);
        offerings.save(offering);
    }
}
