package dev.ordino.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A product's stock under many checkouts at once: sold at most once, never below zero. */
@OrdinoTest
class ProductStockTest {

    @Autowired
    OrderService orders;
    @Autowired
    CatalogService catalog;
    @Autowired
    WalletService wallet;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    /** A new product of the sample "accessories" category with {@code stock} units. */
    static OfferingView product(Actors actors, CatalogService catalog, String price, int stock) {
        long accessories = catalog.categories(true).stream().filter(c -> c.slug().equals("accessories")).findFirst().orElseThrow().id();
        return actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, accessories, OfferingKind.PRODUCT,
                "Desk Lamp " + System.nanoTime(), "A lamp", new BigDecimal(price), 1, 1L, 10L, null, 0, false, stock, null, true)));
    }

    @Test
    void fortyCustomersCheckingOutTwoEachAtOnceNeverTakeMoreThanTheFifteenInStock() throws Exception {
        OfferingView lamp = product(actors, catalog, "5.00", 15);
        List<AccountSummary> customers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            customers.add(actors.customerWith("20.00"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> results = new ArrayList<>();
        for (AccountSummary customer : customers) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                            new PlaceOrder(List.of(new PlaceOrder.Line(lamp.id(), 2L, null, null)), "wallet"), null));
                    return "placed";
                } catch (DomainException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("placed"::equals).hasSize(7);
        assertThat(outcomes).filteredOn(o -> !o.equals("placed")).hasSize(33).allMatch("out_of_stock"::equals);
        assertThat(catalog.offering(lamp.id()).orElseThrow().stock()).isEqualTo(1);
        BigDecimal spent = customers.stream().map(c -> new BigDecimal("20.00").subtract(wallet.balance(c.id())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(spent).as("only the seven placed orders were charged").isEqualByComparingTo("70.00");
    }

    @Test
    void theDatabaseRefusesStockBelowZeroWhateverWritesIt() {
        OfferingView lamp = product(actors, catalog, "5.00", 1);
        assertThatThrownBy(() -> jdbc.sql("UPDATE offering SET stock = stock - 2 WHERE id = ?").param(lamp.id()).update())
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThat(catalog.offering(lamp.id()).orElseThrow().stock()).isEqualTo(1);
    }
}
