package dev.ordino.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.Payments;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Defaults follow the store currency: a rupiah shop tops up 100,000, not 1,000. */
@OrdinoTest
@TestPropertySource(properties = "ordino.currency=IDR")
class CurrencyDefaultsTest {

    @Autowired
    StoreSettingsService settings;
    @Autowired
    Payments payments;
    @Autowired
    GatewayInstances gateways;
    @Autowired
    Actors actors;

    @Test
    void aRupiahStoreStartsWithTopUpsFromTenThousandToTenMillionAndTakesOneHundredThousand() {
        StoreSettings defaults = settings.defaults();
        assertThat(defaults.topUpMin()).isEqualByComparingTo("10000");
        assertThat(defaults.topUpMax()).isEqualByComparingTo("10000000");

        StoreSettings before = settings.current();
        long gateway = actors.asAdmin(() -> {
            settings.save(defaults);
            return gateways.create(new GatewayInstances.GatewayForm("Transfer " + UUID.randomUUID(), "payment-manual",
                    Map.of("instructions", "Transfer {amount} {currency} quoting {reference}"), true)).id();
        });
        try {
            AccountSummary customer = actors.customer();
            Payments.PaymentView topUp = actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(),
                    new BigDecimal("100000"), gateway));
            assertThat(topUp.amount()).isEqualByComparingTo("100000");
            assertThatThrownBy(() -> actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(),
                    new BigDecimal("5000"), gateway)))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("amount_out_of_range"));
        } finally {
            actors.asAdmin(() -> settings.save(before));
        }
    }

    @Test
    void roundFiguresAndSamplePricesReadNaturallyInEachCurrency() {
        StoreCurrency usd = new StoreCurrency("USD");
        StoreCurrency idr = new StoreCurrency("IDR");
        StoreCurrency rub = new StoreCurrency("RUB");
        StoreCurrency eur = new StoreCurrency("EUR");
        assertThat(usd.roundFigure(BigDecimal.ONE)).isEqualByComparingTo("1");
        assertThat(usd.roundFigure(new BigDecimal("1000"))).isEqualByComparingTo("1000");
        assertThat(idr.roundFigure(new BigDecimal("1000"))).isEqualByComparingTo("10000000");
        assertThat(rub.roundFigure(BigDecimal.ONE)).isEqualByComparingTo("50");
        assertThat(eur.roundFigure(new BigDecimal("25"))).isEqualByComparingTo("25");
        assertThat(new StoreCurrency("XAF").roundFigure(BigDecimal.TEN)).isEqualByComparingTo("10");

        assertThat(usd.priceFromUsd(new BigDecimal("49.99"))).isEqualByComparingTo("49.99");
        assertThat(idr.priceFromUsd(new BigDecimal("0.50"))).isEqualByComparingTo("8000");
        assertThat(idr.priceFromUsd(new BigDecimal("999.00"))).isEqualByComparingTo("16000000");
        assertThat(eur.priceFromUsd(new BigDecimal("49.99"))).isEqualByComparingTo("46");
    }
}
