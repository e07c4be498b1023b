package dev.ordino.catalog;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.internal.Category;
import dev.ordino.catalog.internal.CategoryRepository;
import dev.ordino.catalog.internal.Offering;
import dev.ordino.catalog.internal.OfferingRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test data, not a shop's: where the demo provider is off ({@code ordino.demo-provider=false}, as in
 * the test profile) a new test database gets the fixed SMM services the ordering, wallet and
 * back-office tests are written against ("TikTok Followers" at 0.50 per 100 in category
 * {@code tiktok}, ...). They are mapped to no provider, so their paid orders stay where the tests
 * put them. A real first start takes its SMM services from the demo provider instead
 * ({@code FirstStartTest}).
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "ordino.demo-provider", havingValue = "false")
class FixedTestServices implements ApplicationRunner {

    private final CategoryRepository categories;
    private final OfferingRepository offerings;
    private final Clock clock;
    private final StoreCurrency currency;

    FixedTestServices(CategoryRepository categories, OfferingRepository offerings, Clock clock, StoreCurrency currency) {
        this.categories = categories;
        this.offerings = offerings;
        this.clock = clock;
        this.currency = currency;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (categories.existsBySlug("tiktok")) {
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
    }

    private Category category(String name, String slug, Platform platform, int sortOrder) {
        return categories.save(new Category(name, slug, platform, sortOrder));
    }

    private void service(Category category, String name, String usd, int per, long min, long max, String delivery,
                         int refillDays, boolean cancelAllowed) {
        Offering offering = new Offering(category, OfferingKind.SERVICE, name,
                currency.priceFromUsd(new BigDecimal(usd)).setScale(StoreCurrency.PRICE_SCALE), clock.instant());
        offering.setPricePer(per);
        offering.setMinQuantity(min);
        offering.setMaxQuantity(max);
        offering.setDeliveryTime(delivery);
        offering.setRefillDays(refillDays);
        offering.setCancelAllowed(cancelAllowed);
        offering.setDescription("High-quality " + name.toLowerCase(Locale.ROOT) + ", start within " + delivery + ".");
        offerings.save(offering);
    }
}
