package dev.ordino.catalog;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.internal.Category;
import dev.ordino.catalog.internal.CategoryRepository;
import dev.ordino.catalog.internal.Offering;
import dev.ordino.catalog.internal.OfferingRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A first start of the embedded default gets a sample catalog (the SMM services and the shop
 * items of the seed write-ups), so the demo has something to order. Never on a database that
 * already has categories, and not on an external database unless {@code ORDINO_DEMO_DATA=true}.
 * Prices are written in dollars and converted to the store currency's usual magnitude.
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
        Category tiktok = category("TikTok", "tiktok", Platform.TIKTOK, 10);
        service(tiktok, "TikTok Followers", "0.50", 100, 100, 100_000, "0-6 hours", 30, true);
        service(tiktok, "TikTok Likes", "0.30", 100, 100, 200_000, "0-2 hours", 0, true);
        service(tiktok, "TikTok Views", "0.10", 1000, 1000, 10_000_000, "0-1 hour", 0, false);
        Category instagram = category("Instagram", "instagram", Platform.INSTAGRAM, 20);
        service(instagram, "Instagram Followers", "0.60", 100, 100, 50_000, "1-12 hours", 30, true);
        Category youtube = category("YouTube", "youtube", Platform.YOUTUBE, 30);
        service(youtube, "YouTube Views", "0.20", 1000, 1000, 5_000_000, "6-24 hours", 0, false);
        Category facebook = category("Facebook", "facebook", Platform.FACEBOOK, 40);
        service(facebook, "Facebook Followers", "1.00", 50, 50, 20_000, "1-24 hours", 30, true);
        service(facebook, "Facebook Likes", "0.40", 100, 100, 50_000, "1-12 hours", 0, true);
        Category telegram = category("Telegram", "telegram", Platform.TELEGRAM, 50);
        service(telegram, "Telegram Members", "0.80", 100, 100, 100_000, "1-24 hours", 14, false);

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

    private void service(Category category, String name, String price, int per, long min, long max, String delivery,
                         int refillDays, boolean cancelAllowed) {
        Offering offering = new Offering(category, OfferingKind.SERVICE, name, price(price), clock.instant());
        offering.setPricePer(per);
        offering.setMinQuantity(min);
        offering.setMaxQuantity(max);
        offering.setDeliveryTime(delivery);
        offering.setRefillDays(refillDays);
        offering.setCancelAllowed(cancelAllowed);
        offering.setDescription("High-quality " + name.toLowerCase(Locale.ROOT) + ", start within " + delivery + ".");
        offerings.save(offering);
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
