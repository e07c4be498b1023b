package dev.ordino.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.ProductOptions;
import dev.ordino.catalog.ProductTerms;
import dev.ordino.store.HandoverSettings;
import dev.ordino.store.HandoverSettingsService;
import dev.ordino.wallet.WalletService;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Products from checkout to the customer's hands: pickup with a booking code, or delivery. */
@OrdinoTest
class HandoverTest {

    private static final String STAFF = "staff@ordino";

    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService desk;
    @Autowired
    Handovers handovers;
    @Autowired
    CatalogService catalog;
    @Autowired
    ProductOptions options;
    @Autowired
    HandoverSettingsService settings;
    @Autowired
    WalletService wallet;
    @Autowired
    AdminAlerts alerts;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    private OrderView buy(AccountSummary customer, OfferingView product, long quantity, FulfilmentChoice choice) {
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(product.id(), quantity, null, null)), "wallet", choice), null)).order();
    }

    private static String code(Throwable e) {
        return ((DomainException) e).code();
    }

    /** Runs the same staff action twice at once, as a double click does; answers what each call ended with. */
    private List<String> twice(Callable<OrderView> action) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    actors.asAdmin(action);
                    return "done";
                } catch (DomainException e) {
                    return e.code();
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get(1, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return outcomes;
    }

    private long timelineLines(long orderId, String note) {
        return jdbc.sql("SELECT COUNT(*) FROM order_timeline WHERE order_id = ? AND note = ?").params(orderId, note)
                .query(Long.class).single();
    }

    @Test
    void aPickupIsAcceptedReadiedAndHandedOverOnceEachUnderDoubleClicks() throws Exception {
        OfferingView lamp = ProductStockTest.product(actors, catalog, "12.00", 5);
        AccountSummary customer = actors.customerWith("50.00");
        OrderView order = buy(customer, lamp, 1, null);
        HandoverView placed = actors.as(customer, () -> handovers.mine(customer.id(), order.id())).orElseThrow();
        assertThat(placed.method()).as("pickup unless the customer chooses delivery").isEqualTo(FulfilmentMethod.PICKUP);
        assertThat(placed.status()).isEqualTo(HandoverStatus.AWAITING);
        assertThat(placed.bookingCode()).isNull();
        assertThatThrownBy(() -> actors.asAdmin(() -> handovers.handOver("ACDEFGHJ", STAFF)))
                .extracting(HandoverTest::code).isEqualTo("booking_code_not_found");

        assertThat(twice(() -> handovers.accept(order.id(), STAFF))).containsExactlyInAnyOrder("done", "illegal_transition");
        HandoverView accepted = actors.as(customer, () -> handovers.mine(customer.id(), order.id())).orElseThrow();
        assertThat(accepted.bookingCode()).hasSize(8).matches("[" + BookingCodes.ALPHABET + "]{8}");
        assertThat(actors.asAdmin(() -> desk.order(order.id())).status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(timelineLines(order.id(), "Accepted")).isEqualTo(1);
        assertThatThrownBy(() -> actors.asAdmin(() -> handovers.handOver(accepted.bookingCode(), STAFF)))
                .extracting(HandoverTest::code).isEqualTo("not_ready");

        assertThat(twice(() -> handovers.ready(order.id(), STAFF))).containsExactlyInAnyOrder("done", "illegal_transition");
        assertThat(timelineLines(order.id(), "Ready for pickup")).isEqualTo(1);

        String typed = accepted.bookingCode().substring(0, 4).toLowerCase() + "-" + accepted.bookingCode().substring(4);
        assertThat(twice(() -> handovers.handOver(typed, STAFF))).containsExactlyInAnyOrder("done", "already_handed_over");
        OrderView done = actors.asAdmin(() -> desk.order(order.id()));
        assertThat(done.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(actors.as(customer, () -> handovers.mine(customer.id(), order.id())).orElseThrow().status())
                .isEqualTo(HandoverStatus.HANDED_OVER);
        assertThat(timelineLines(order.id(), "Handed over against the booking code")).isEqualTo(1);
        assertThatThrownBy(() -> actors.asAdmin(() -> handovers.handOver(accepted.bookingCode(), STAFF)))
                .as("a booking code is used once").extracting(HandoverTest::code).isEqualTo("already_handed_over");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("38.00");
    }

    @Test
    void theQrCodeOnTheOrderOpensTheHandOverPageOfItsBookingCodeForItsCustomerOnly() throws Exception {
        OfferingView lamp = ProductStockTest.product(actors, catalog, "3.00", 5);
        AccountSummary customer = actors.customerWith("10.00");
        AccountSummary stranger = actors.customerWith("0");
        OrderView order = buy(customer, lamp, 1, FulfilmentChoice.pickup());
        assertThatThrownBy(() -> actors.as(customer, () -> handovers.qrCode(customer.id(), order.id(), 300)))
                .extracting(HandoverTest::code).isEqualTo("no_booking_code");
        actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.CONFIRMED, null, STAFF));
        String code = actors.as(customer, () -> handovers.mine(customer.id(), order.id())).orElseThrow().bookingCode();
        assertThat(code).as("staff confirming an order with products accept it, booking code and all").isNotNull();

        byte[] png = actors.as(customer, () -> handovers.qrCode(customer.id(), order.id(), 300));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        String text = new QRCodeReader().decode(bitmap).getText();
        assertThat(text).isEqualTo("http://localhost:8080/admin/handover/" + code);
        assertThatThrownBy(() -> actors.as(stranger, () -> handovers.qrCode(stranger.id(), order.id(), 300)))
                .extracting(HandoverTest::code).isEqualTo("order_not_found");
    }

    @Test
    void aRejectedOrderIsRefundedAndItsStockPutBackOnceUnderDoubleClicks() throws Exception {
        OfferingView lamp = ProductStockTest.product(actors, catalog, "7.00", 4);
        AccountSummary customer = actors.customerWith("30.00");
        OrderView order = buy(customer, lamp, 3, null);
        assertThat(catalog.offering(lamp.id()).orElseThrow().stock()).isEqualTo(1);

        assertThat(twice(() -> handovers.reject(order.id(), "Damaged in the store", STAFF)))
                .containsExactlyInAnyOrder("done", "illegal_transition");
        OrderView rejected = actors.asAdmin(() -> desk.order(order.id()));
        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("30.00");
        assertThat(wallet.ledgerSum(customer.id())).isEqualByComparingTo("30.00");
        assertThat(wallet.transactions(customer.id(), Pageable.ofSize(10)).getContent()).extracting(e -> e.reference())
                .filteredOn(r -> r.startsWith("order:" + order.id() + ":refund")).containsExactly("order:" + order.id() + ":refund:1");
        assertThat(catalog.offering(lamp.id()).orElseThrow().stock()).as("stock back once").isEqualTo(4);
        assertThatThrownBy(() -> actors.asAdmin(() -> handovers.accept(order.id(), STAFF)))
                .extracting(HandoverTest::code).isEqualTo("illegal_transition");
    }

    @Test
    void aDeliveryNeedsAnAddressAndPhoneCostsTheHighestFeeAndCompletesWhenDelivered() throws Exception {
        actors.asAdmin(() -> settings.save(new HandoverSettings("Ordino Store", "1 Main St", "9-18", new BigDecimal("4.00"), 3)));
        OfferingView lamp = ProductStockTest.product(actors, catalog, "10.00", 5);
        OfferingView shade = ProductStockTest.product(actors, catalog, "2.00", 5);
        OfferingView pickupOnly = ProductStockTest.product(actors, catalog, "1.00", 5);
        actors.asAdmin(() -> options.save(lamp.id(), new ProductTerms(null, new BigDecimal("6.50"))));
        actors.asAdmin(() -> options.save(shade.id(), new ProductTerms(null, new BigDecimal("5.00"))));
        actors.asAdmin(() -> options.save(pickupOnly.id(), new ProductTerms(Set.of(FulfilmentMethod.PICKUP), null)));
        AccountSummary customer = actors.customerWith("100.00");

        assertThatThrownBy(() -> buy(customer, lamp, 1, FulfilmentChoice.delivery(" ", "+62 812 555")))
                .extracting(HandoverTest::code).isEqualTo("address_required");
        assertThatThrownBy(() -> buy(customer, lamp, 1, FulfilmentChoice.delivery("2 Side St", "call me")))
                .extracting(HandoverTest::code).isEqualTo("invalid_phone");
        assertThatThrownBy(() -> buy(customer, pickupOnly, 1, FulfilmentChoice.delivery("2 Side St", "+62 812 555")))
                .extracting(HandoverTest::code).isEqualTo("fulfilment_not_offered");
        OrderView plain = buy(customer, ProductStockTest.product(actors, catalog, "1.00", 5), 1,
                FulfilmentChoice.delivery("2 Side St", "+62 812 555"));
        assertThat(plain.total()).as("the store's fee without overrides").isEqualByComparingTo("5.00");

        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(lamp.id(), 1L, null, null), new PlaceOrder.Line(shade.id(), 2L, null, null)), "wallet",
                FulfilmentChoice.delivery("2 Side St", "+62 812 555")), null)).order();
        assertThat(order.total()).as("items 14.00 and the highest product fee 6.50").isEqualByComparingTo("20.50");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("74.50");
        HandoverView delivery = actors.asAdmin(() -> handovers.of(order.id())).orElseThrow();
        assertThat(delivery.address()).isEqualTo("2 Side St");
        assertThat(delivery.deliveryFee()).isEqualByComparingTo("6.50");

        actors.asAdmin(() -> handovers.accept(order.id(), STAFF));
        assertThat(actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().bookingCode()).as("deliveries need no code").isNull();
        assertThatThrownBy(() -> actors.asAdmin(() -> handovers.ready(order.id(), STAFF)))
                .extracting(HandoverTest::code).isEqualTo("wrong_fulfilment");
        assertThatThrownBy(() -> actors.asAdmin(() -> handovers.delivered(order.id(), STAFF)))
                .extracting(HandoverTest::code).isEqualTo("illegal_transition");
        assertThat(twice(() -> handovers.sent(order.id(), STAFF))).containsExactlyInAnyOrder("done", "illegal_transition");
        assertThat(twice(() -> handovers.delivered(order.id(), STAFF))).containsExactlyInAnyOrder("done", "illegal_transition");
        assertThat(actors.asAdmin(() -> desk.order(order.id())).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void staffAreRemindedOnceOfAReadyPickupNobodyCollected() {
        actors.asAdmin(() -> settings.save(new HandoverSettings("Ordino Store", "1 Main St", "9-18", BigDecimal.ZERO, 2)));
        OfferingView lamp = ProductStockTest.product(actors, catalog, "1.00", 5);
        AccountSummary customer = actors.customerWith("10.00");
        OrderView order = buy(customer, lamp, 1, null);
        actors.asAdmin(() -> handovers.accept(order.id(), STAFF));
        actors.asAdmin(() -> handovers.ready(order.id(), STAFF));
        handovers.remindUncollected();
        assertThat(alerts.open()).extracting(AdminAlerts.Alert::key).doesNotContain(Handovers.ALERT_PREFIX + order.id());

        jdbc.sql("UPDATE order_handover SET ready_at = ready_at - INTERVAL 3 DAY WHERE order_id = ?").param(order.id()).update();
        assertThat(handovers.remindUncollected()).isGreaterThanOrEqualTo(1);
        assertThat(alerts.open()).extracting(AdminAlerts.Alert::key).containsOnlyOnce(Handovers.ALERT_PREFIX + order.id());
        assertThat(handovers.remindUncollected()).as("once").isZero();

        String code = actors.asAdmin(() -> handovers.of(order.id())).orElseThrow().bookingCode();
        actors.asAdmin(() -> handovers.handOver(code, STAFF));
        assertThat(alerts.open()).extracting(AdminAlerts.Alert::key).doesNotContain(Handovers.ALERT_PREFIX + order.id());
    }
}
