package dev.ordino.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.base.DomainException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OrdinoTest
class StoreSettingsTest {

    @Autowired
    StoreSettingsService settings;
    @Autowired
    Actors actors;

    @Test
    void theAdminSavesStoreSettingsAndBadValuesAreRefusedByField() {
        StoreSettings saved = actors.asAdmin(() -> settings.save(new StoreSettings("JakLike Shop", "+62 812-555-0101",
                "https://t.me/jaklike", "id", new BigDecimal("2.00"), new BigDecimal("500.00"), new BigDecimal("25"))));
        assertThat(saved.shopName()).isEqualTo("JakLike Shop");
        assertThat(settings.current().defaultLanguage()).isEqualTo("id");
        assertThat(settings.shopName()).isEqualTo("JakLike Shop");

        assertThatThrownBy(() -> actors.asAdmin(() -> settings.save(new StoreSettings("Shop", "call me", "", "en",
                new BigDecimal("1"), new BigDecimal("2"), BigDecimal.ONE))))
                .extracting(e -> ((DomainException) e).field()).isEqualTo("contactPhone");
        assertThatThrownBy(() -> actors.asAdmin(() -> settings.save(new StoreSettings("Shop", "", "https://evil.example/x", "en",
                new BigDecimal("1"), new BigDecimal("2"), BigDecimal.ONE))))
                .extracting(e -> ((DomainException) e).field()).isEqualTo("telegramLink");
        assertThatThrownBy(() -> actors.asAdmin(() -> settings.save(new StoreSettings("Shop", "", "", "en",
                new BigDecimal("5"), new BigDecimal("2"), BigDecimal.ONE))))
                .extracting(e -> ((DomainException) e).field()).isEqualTo("topUpMax");
        actors.asAdmin(() -> settings.save(settings.defaults()));
    }
}
