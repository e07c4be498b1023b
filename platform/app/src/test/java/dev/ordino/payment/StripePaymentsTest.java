package dev.ordino.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.fulfilment.FakeSmmPanelAccess;
import dev.ordino.ordering.GatewayRefunds;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stripe Checkout through the real plugin against a fake Stripe API on 127.0.0.1, with
 * webhook signatures computed the way Stripe does (HMAC-SHA256 over "timestamp.payload").
 */
@OrdinoTest
class StripePaymentsTest {

    @Autowired
    GatewayInstances gateways;
    @Autowired
    Payments payments;
    @Autowired
    PaymentWebhooks webhooks;
    @Autowired
    GatewayRefunds refunds;
    @Autowired
    WalletService wallet;
    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService orderAdmin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Actors actors;

    FakeStripe stripe;
    long gatewayId;

    @BeforeEach
    void startStripe() throws Exception {
        stripe = new FakeStripe();
        gatewayId = actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm("Stripe " + UUID.randomUUID(), "payment-stripe",
                stripe.settings(), true))).id();
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    String event(String eventId, String type, String sessionId, String amountTotal) {
        return stripe.event(eventId, type, sessionId, amountTotal);
    }

    static String sign(String payload, long timestamp, String secret) {
        return FakeStripe.sign(payload, Instant.now().getEpochSecond() - timestamp, secret);
    }

    void paid(String sessionId) {
        stripe.paid(sessionId);
    }

    PaymentWebhooks.Outcome post(String payload, String signature) {
        return webhooks.handle(gatewayId, Map.of("stripe-signature", List.of(signature), "content-type", List.of("application/json")),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    Payments.PaymentView topUp(AccountSummary customer, String amount) {
        return actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(), new BigDecimal(amount), gatewayId));
    }

    @Test
    void aTopUpIsCreditedOnceWhenTheSameEventArrivesTenTimesAtOnce() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Payments.PaymentView started = topUp(customer, "12.50");
        assertThat(started.status()).isEqualTo("pending");
        assertThat(started.redirectUrl()).startsWith(stripe.api.url() + "/pay/cs_test_");
        assertThat(stripe.api.requests.getFirst().header("Authorization")).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
        assertThat(FakeStripe.form(stripe.api.requests.getFirst().body())).containsEntry("line_items[0][price_data][unit_amount]", "1250")
                .containsEntry("client_reference_id", started.reference());
        String sessionId = started.gatewayRef();
        paid(sessionId);
        String payload = event("evt_" + UUID.randomUUID(), "checkout.session.completed", sessionId, "1250");
        String signature = sign(payload, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<PaymentWebhooks.Outcome>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit((Callable<PaymentWebhooks.Outcome>) () -> {
                    go.await();
                    return post(payload, signature);
                }));
            }
            go.countDown();
            for (Future<PaymentWebhooks.Outcome> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        }
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("12.50");
        assertThat(actors.asAdmin(() -> wallet.ledgerSum(customer.id()))).isEqualByComparingTo("12.50");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE reference = ?").param("payment:" + started.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat(actors.as(customer, () -> payments.myPayment(customer.id(), started.id())).status()).isEqualTo("paid");
        List<Payments.EventView> events = actors.asAdmin(() -> payments.events(started.id()));
        assertThat(events).hasSize(10);
        assertThat(events).filteredOn(e -> e.outcome().equals("applied")).hasSize(1);
    }

    @Test
    void forgedStaleAndWrongAmountEventsAreRejectedAndChangeNothing() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Payments.PaymentView started = topUp(customer, "20.00");
        paid(started.gatewayRef());
        String payload = event("evt_" + UUID.randomUUID(), "checkout.session.completed", started.gatewayRef(), "2000");

        assertThat(post(payload, sign(payload, Instant.now().getEpochSecond(), "whsec_forged")).status()).isEqualTo(401);
        assertThat(post(payload, sign(payload, Instant.now().getEpochSecond() - 400, FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(401);
        assertThat(post("{not json", sign("{not json", Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(400);
        String cheaper = event("evt_" + UUID.randomUUID(), "checkout.session.completed", started.gatewayRef(), "1");
        assertThat(post(cheaper, sign(cheaper, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(400);

        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("0");
        assertThat(actors.as(customer, () -> payments.myPayment(customer.id(), started.id())).status()).isEqualTo("pending");
        assertThat(actors.asAdmin(() -> payments.events(started.id()))).extracting(Payments.EventView::outcome).contains("mismatch");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_event WHERE gateway_id = ? AND outcome = 'rejected'").param(gatewayId)
                .query(Long.class).single()).as("kept for audit").isEqualTo(3);

        // An event about a payment Ordino does not know, delivered twice: kept, answered 200 both times.
        String foreign = payload.replace(started.reference(), "pay-999999999");
        assertThat(post(foreign, sign(foreign, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(200);
        assertThat(post(foreign, sign(foreign, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(200);
    }

    @Test
    void aLostWebhookIsSettledByReconciliationAndExpiredTopUpsCreditNothing() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Payments.PaymentView lost = topUp(customer, "30.00");
        Payments.PaymentView expired = topUp(customer, "40.00");
        paid(lost.gatewayRef());
        stripe.sessions.get(expired.gatewayRef())[2] = "expired";
        jdbc.sql("UPDATE payment SET created_at = '2020-01-01' WHERE id IN (?, ?)").params(lost.id(), expired.id()).update();

        payments.reconcile();
        payments.reconcile();

        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("30.00");
        Payments.PaymentView failed = actors.as(customer, () -> payments.myPayment(customer.id(), expired.id()));
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.failureReason()).isEqualTo("expired");
    }

    long customService() {
        return jdbc.sql("SELECT id FROM offering WHERE kind = 'CUSTOM' AND active = 1 ORDER BY id LIMIT 1").query(Long.class).single();
    }

    Placement checkout(AccountSummary customer, String key) {
        long offering = customService();
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(offering, 1L, null, null)), "gateway:" + gatewayId), key));
    }

    @Test
    void anOrderPaidAtCheckoutIsReleasedAndAnExpiredOneIsCancelled() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Placement placed = checkout(customer, null);
        assertThat(placed.order().paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(placed.payment().redirectUrl()).startsWith(stripe.api.url() + "/pay/");
        Payments.PaymentView payment = actors.asAdmin(() -> payments.get(placed.payment().paymentId()));
        paid(payment.gatewayRef());
        String payload = event("evt_" + UUID.randomUUID(), "checkout.session.completed", payment.gatewayRef(),
                stripe.sessions.get(payment.gatewayRef())[1]);
        assertThat(post(payload, sign(payload, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(200);
        OrderView paid = actors.as(customer, () -> orders.myOrder(customer.id(), placed.order().id()));
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(paid.paidAmount()).isEqualByComparingTo(paid.total());
        assertThat(wallet.balance(customer.id())).as("nothing from the wallet").isEqualByComparingTo("0");

        Placement other = checkout(customer, null);
        Payments.PaymentView second = actors.asAdmin(() -> payments.get(other.payment().paymentId()));
        stripe.sessions.get(second.gatewayRef())[2] = "expired";
        String expiry = event("evt_" + UUID.randomUUID(), "checkout.session.expired", second.gatewayRef(), stripe.sessions.get(second.gatewayRef())[1]);
        assertThat(post(expiry, sign(expiry, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(200);
        OrderView cancelled = actors.as(customer, () -> orders.myOrder(customer.id(), other.order().id()));
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.paymentStatus()).isEqualTo(PaymentStatus.FAILED);
    }

    @Test
    void aPartialRefundGoesThroughStripeOnceWhenTheAdminClicksTwice() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Placement placed = checkout(customer, null);
        Payments.PaymentView payment = actors.asAdmin(() -> payments.get(placed.payment().paymentId()));
        paid(payment.gatewayRef());
        String payload = event("evt_" + UUID.randomUUID(), "checkout.session.completed", payment.gatewayRef(),
                stripe.sessions.get(payment.gatewayRef())[1]);
        post(payload, sign(payload, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET));
        BigDecimal part = placed.order().total().multiply(new BigDecimal("0.6")).setScale(2, RoundingMode.DOWN);

        String key = "refund-" + UUID.randomUUID();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<OrderAdminService.RefundResult>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(pool.submit(() -> {
                    go.await();
                    return actors.asAdmin(() -> refunds.refund(placed.order().id(), part, "Half done", "admin@ordino.demo", key));
                }));
            }
            go.countDown();
            for (Future<OrderAdminService.RefundResult> click : clicks) {
                try {
                    assertThat(click.get().amount()).isEqualByComparingTo(part);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).hasFieldOrPropertyWithValue("code", "refund_in_progress");
                }
            }
        }
        assertThat(stripe.count("POST /v1/refunds")).isEqualTo(1);
        assertThat(stripe.api.requests.stream().filter(r -> r.path().equals("/v1/refunds")).findFirst().orElseThrow().header("Idempotency-Key"))
                .isEqualTo(key);
        OrderView refunded = actors.asAdmin(() -> orderAdmin.order(placed.order().id()));
        assertThat(refunded.refundedAmount()).isEqualByComparingTo(part);
        assertThat(refunded.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(wallet.balance(customer.id())).as("the money went back to the card, not the wallet").isEqualByComparingTo("0");
        assertThat(actors.asAdmin(() -> payments.get(payment.id())).status()).isEqualTo("partially_refunded");

        OrderAdminService.RefundResult rest = actors.asAdmin(() -> refunds.refund(placed.order().id(), null, "The rest",
                "admin@ordino.demo", "refund-" + UUID.randomUUID()));
        assertThat(rest.amount()).isEqualByComparingTo(placed.order().total().subtract(part));
        assertThat(actors.asAdmin(() -> payments.get(payment.id())).status()).isEqualTo("refunded");
        assertThat(actors.asAdmin(() -> orderAdmin.order(placed.order().id())).paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThatThrownBy(() -> actors.asAdmin(() -> refunds.refund(placed.order().id(), new BigDecimal("0.01"), "More",
                "admin@ordino.demo", "refund-" + UUID.randomUUID()))).isInstanceOf(DomainException.class);
        assertThat(stripe.count("POST /v1/refunds")).isEqualTo(2);
    }

    @Test
    void midtransCannotBeEnabledInAStoreThatDoesNotSellInRupiah() {
        assertThatThrownBy(() -> actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm("Midtrans", "payment-midtrans",
                Map.of("serverKey", "SB-Mid-server-x"), true))))
                .hasFieldOrPropertyWithValue("code", "currency_not_supported");
    }

    @Autowired
    FakeSmmPanelAccess panels;

    @Test
    void anSmmOrderPaidAtCheckoutGoesToItsProviderOnlyOncePaid() throws Exception {
        try (var panel = panels.panel()) {
            long offering = panels.importOne(panels.provider(panel, "Checkout panel " + UUID.randomUUID()), "1");
            AccountSummary customer = actors.customerWith("0");
            Placement placed = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                    new PlaceOrder.Line(offering, 1000L, "https://www.instagram.com/checkout", null)), "gateway:" + gatewayId), null));
            Thread.sleep(500);
            assertThat(panel.count("add")).as("nothing is sent before the money is there").isZero();
            assertThat(panels.state(placed.order().id())).isNull();

            Payments.PaymentView payment = actors.asAdmin(() -> payments.get(placed.payment().paymentId()));
            paid(payment.gatewayRef());
            String payload = event("evt_" + UUID.randomUUID(), "checkout.session.completed", payment.gatewayRef(), null);
            assertThat(post(payload, sign(payload, Instant.now().getEpochSecond(), FakeStripe.WEBHOOK_SECRET)).status()).isEqualTo(200);
            panels.waitForState(placed.order().id(), "open");
            assertThat(panel.count("add")).isEqualTo(1);
            for (int i = 0; i < 600 && actors.as(customer, () -> orders.myOrder(customer.id(), placed.order().id())).status()
                    != OrderStatus.PROCESSING; i++) {
                Thread.sleep(50); // marked processing right after the line is stored as open
            }
            assertThat(actors.as(customer, () -> orders.myOrder(customer.id(), placed.order().id())).status())
                    .isEqualTo(OrderStatus.PROCESSING);
        }
    }
}
