package dev.ordino.fulfilment;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.catalog.CatalogSection;
import dev.ordino.catalog.CatalogSections;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.Platform;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A new rupiah shop on its first start, as its owner sees it: the SMM services are the demo
 * provider's, each sent there once paid; products, custom services and gift cards sit in sections
 * of their own; prices are rupiah-sized.
 */
@OrdinoTest
@TestPropertySource(properties = {"ordino.demo-provider=true", "ordino.currency=IDR"})
class FirstStartTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogSections sections;
    @Autowired
    CatalogService catalog;
    @Autowired
    OrderService orders;
    @Autowired
    Actors actors;

    @Test
    void everySampleSmmServiceIsTheDemoProvidersAndListedOnce() {
        List<OfferingView> services = catalog.offerings(new OfferingFilter(null, OfferingKind.SERVICE, null, false),
                Pageable.ofSize(500)).getContent();
        assertThat(services).hasSizeGreaterThan(30);
        List<Long> unmapped = jdbc.sql("SELECT o.id FROM offering o WHERE o.kind = 'SERVICE' AND NOT EXISTS "
                + "(SELECT 1 FROM offering_provider m JOIN provider_instance p ON p.id = m.instance_id "
                + "WHERE m.offering_id = o.id AND p.name = :demo)").param("demo", ProviderSampleData.NAME).query(Long.class).list();
        assertThat(unmapped).as("sample SMM services no provider fulfils").isEmpty();
        assertThat(services).extracting(OfferingView::name).doesNotHaveDuplicates();

        List<CatalogSection> all = sections.sections();
        assertThat(all).extracting(CatalogSection::kind)
                .contains(OfferingKind.SERVICE, OfferingKind.CUSTOM, OfferingKind.PRODUCT, OfferingKind.DIGITAL);
        assertThat(all).filteredOn(s -> s.kind() != OfferingKind.SERVICE).allSatisfy(section -> {
            assertThat(section.count()).isBetween(1L, 5L);
            assertThat(catalog.offerings(section.filter(null, null), Pageable.ofSize(50)).getContent())
                    .allSatisfy(o -> assertThat(o.kind()).isEqualTo(section.kind()));
        });

        // rupiah-sized: the cheapest demo service (0.05 USD per 1000 at the provider) is over a thousand rupiah per 1000
        assertThat(services).allSatisfy(o -> assertThat(o.displayPrice()).isGreaterThan(new BigDecimal("1000")));
        assertThat(catalog.offerings(new OfferingFilter(null, OfferingKind.PRODUCT, "Laptop Stand", false), Pageable.ofSize(1))
                .getContent().getFirst().price()).isGreaterThan(new BigDecimal("100000"));
    }

    @Test
    void aPaidSampleOrderIsSentToTheDemoProvider() throws InterruptedException {
        OfferingView followers = catalog.offerings(new OfferingFilter(null, OfferingKind.SERVICE, "Followers", false, Platform.INSTAGRAM),
                Pageable.ofSize(20)).getContent().stream().filter(o -> !o.takesComments() && !o.takesUsernames())
                .findFirst().orElseThrow();
        AccountSummary customer = actors.customerWith("10000000");
        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(followers.id(), followers.minQuantity(), "https://www.instagram.com/first.start", null)),
                "wallet"), null)).order();

        eventually(() -> actors.as(customer, () -> orders.myOrder(customer.id(), order.id())).status() == OrderStatus.PROCESSING);
        assertThat(jdbc.sql("SELECT p.name FROM provider_order po JOIN provider_instance p ON p.id = po.instance_id "
                        + "WHERE po.order_id = :order AND po.provider_ref IS NOT NULL")
                .param("order", order.id()).query(String.class).list()).containsExactly(ProviderSampleData.NAME);
    }
}
