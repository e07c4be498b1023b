package dev.ordino.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.ordering.GatewayRefunds;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import dev.ordino.store.StoreSettings;
import dev.ordino.store.StoreSettingsService;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Midtrans Snap through the real plugin against a fake Midtrans API on 127.0.0.1, in a store
 * selling in rupiah; notification signatures are SHA-512 of order_id + status_code +
 * gross_amount + server key, as Midtrans computes them.
 */
@OrdinoTest
@TestPropertySource(properties = "ordino.currency=IDR")
class MidtransPaymentsTest {

    static final String SERVER_KEY = "SB-Mid-server-ordino-test";

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
    StoreSettingsService store;
    @Autowired
    Actors actors;

    FakeGatewayApi midtrans;
    long gatewayId;

    /** What the status API says per order_id: [transaction_status, fraud_status, gross_amount]. */
    final Map<String, String[]> statuses = new ConcurrentHashMap<>();

    @BeforeEach
    void startMidtrans() throws Exception {
        midtrans = new FakeGatewayApi();
        midtrans.on("POST /snap/v1/transactions", request -> new FakeGatewayApi.Answer(201,
                "{\"token\":\"tok\",\"redirect_url\":\"https://app.sandbox.midtrans.test/snap/v4/redirection/tok\"}"));
        midtrans.on("GET /v2/pay-\\d+/status", request -> {
            String orderId = request.path().split("/")[2];
            String[] s = statuses.getOrDefault(orderId, new String[]{"pending", "accept", "0.00"});
            return new FakeGatewayApi.Answer(200, """
                    {"status_code":"%s","transaction_id":"tx-%s","order_id":"%s","gross_amount":"%s","transaction_status":"%s",
                     "fraud_status":"%s","payment_type":"qris"}""".formatted(code(s[0]), orderId, orderId, s[2], s[0], s[1]));
        });
        midtrans.on("POST /v2/pay-\\d+/refund", request -> new FakeGatewayApi.Answer(200, """
                {"status_code":"200","status_message":"Success, refund request is approved","refund_chargeback_id":%d,
                 "refund_key":"k"}""".formatted(midtrans.count("POST /v2/pay-\\d+/refund"))));
        gatewayId = actors.asAdmin(() -> {
            StoreSettings current = store.current();
            store.save(new StoreSettings(current.shopName(), current.contactPhone(), current.telegramLink(), current.defaultLanguage(),
                    new BigDecimal("10000"), new BigDecimal("10000000"), current.defaultMarkupPercent()));
            return gateways.create(new GatewayInstances.GatewayForm("Midtrans " + UUID.randomUUID(), "payment-midtrans",
                    Map.of("serverKey", SERVER_KEY, "apiBase", midtrans.url(), "snapBase", midtrans.url() + "/snap"), true)).id();
        });
    }

    @AfterEach
    void stopMidtrans() {
        midtrans.close();
    }

    static String code(String transactionStatus) {
        return switch (transactionStatus) {
            case "settlement", "capture" -> "200";
            case "pending" -> "201";
            default -> "202";
        };
    }

    static String sha512(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A notification as Midtrans posts it, signed with {@code key}. */
    static String notification(String orderId, String transactionStatus, String fraudStatus, String grossAmount, String key)
            throws Exception {
        String statusCode = code(transactionStatus);
        return """
                {"transaction_time":"2026-11-22 10:00:00","transaction_status":"%s","transaction_id":"tx-%s","status_message":"ok",
                 "status_code":"%s","signature_key":"%s","payment_type":"qris","order_id":"%s","merchant_id":"M1",
                 "gross_amount":"%s","fraud_status":"%s","currency":"IDR"}"""
                .formatted(transactionStatus, orderId, statusCode, sha512(orderId + statusCode + grossAmount + key), orderId, grossAmount,
                        fraudStatus);
    }

    PaymentWebhooks.Outcome post(String body) {
        return webhooks.handle(gatewayId, Map.of("content-type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8));
    }

    Payments.PaymentView topUp(AccountSummary customer, String amount) {
        return actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(), new BigDecimal(amount), gatewayId));
    }

    @Test
    void theSameSettlementTenTimesAtOnceCreditsOnceAndAForgedOneNothing() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Payments.PaymentView started = topUp(customer, "50000");
        assertThat(started.redirectUrl()).contains("midtrans.test");
        assertThat(post(notification(started.reference(), "settlement", "accept", "50000.00", "forged-key")).status()).isEqualTo(401);

        statuses.put(started.reference(), new String[]{"settlement", "accept", "50000.00"});
        String body = notification(started.reference(), "settlement", "accept", "50000.00", SERVER_KEY);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PaymentWebhooks.Outcome>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(body);
                }));
            }
            go.countDown();
            for (Future<PaymentWebhooks.Outcome> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        }
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("50000");
        assertThat(actors.asAdmin(() -> wallet.ledgerSum(customer.id()))).isEqualByComparingTo("50000");
    }

    @Test
    void aLatePendingNeverDowngradesAPaidPaymentAndACaptureUnderChallengeIsNotPaid() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        Payments.PaymentView settled = topUp(customer, "20000");
        statuses.put(settled.reference(), new String[]{"settlement", "accept", "20000.00"});
        post(notification(settled.reference(), "settlement", "accept", "20000.00", SERVER_KEY));
        statuses.put(settled.reference(), new String[]{"pending", "accept", "20000.00"});
        assertThat(post(notification(settled.reference(), "pending", "accept", "20000.00", SERVER_KEY)).status()).isEqualTo(200);
        assertThat(actors.as(customer, () -> payments.myPayment(customer.id(), settled.id())).status()).isEqualTo("paid");

        Payments.PaymentView challenged = topUp(customer, "30000");
        statuses.put(challenged.reference(), new String[]{"capture", "challenge", "30000.00"});
        post(notification(challenged.reference(), "capture", "challenge", "30000.00", SERVER_KEY));
        assertThat(actors.as(customer, () -> payments.myPayment(customer.id(), challenged.id())).status()).isEqualTo("pending");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("20000");
    }

    @Test
    void aPartialRefundGoesThroughMidtransOnceWhenTheAdminClicksTwice() throws Exception {
        AccountSummary customer = actors.customerWith("0");
        long offering = customService();
        Placement placed = actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(offering, 1L, null, null)), "gateway:" + gatewayId), null));
        Payments.PaymentView payment = actors.asAdmin(() -> payments.get(placed.payment().paymentId()));
        String gross = payment.amount().setScale(2).toPlainString();
        statuses.put(payment.reference(), new String[]{"settlement", "accept", gross});
        assertThat(post(notification(payment.reference(), "settlement", "accept", gross, SERVER_KEY)).status()).isEqualTo(200);
        OrderView paid = actors.asAdmin(() -> orderAdmin.order(placed.order().id()));
        assertThat(paid.paymentStatus()).isEqualTo(PaymentStatus.PAID);

        BigDecimal part = paid.total().divide(BigDecimal.valueOf(2), 0, RoundingMode.DOWN);
        String key = "refund-" + UUID.randomUUID();
        actors.asAdmin(() -> refunds.refund(placed.order().id(), part, "Half", "admin@ordino.demo", key));
        actors.asAdmin(() -> refunds.refund(placed.order().id(), part, "Half", "admin@ordino.demo", key));
        assertThat(midtrans.count("POST /v2/pay-\\d+/refund")).isEqualTo(1);
        assertThat(midtrans.requests.stream().filter(r -> r.path().endsWith("/refund")).findFirst().orElseThrow().body())
                .contains("\"refund_key\":\"" + key + "\"");
        OrderView refunded = actors.asAdmin(() -> orderAdmin.order(placed.order().id()));
        assertThat(refunded.refundedAmount()).isEqualByComparingTo(part);
        assertThat(refunded.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Autowired
    JdbcClient jdbc;

    long customService() {
        return jdbc.sql("SELECT id FROM offering WHERE kind = 'CUSTOM' AND active = 1 ORDER BY id LIMIT 1").query(Long.class).single();
    }

    @Test
    void aQrisTopUpShowsTheQrStringMidtransAnswers() throws Exception {
        midtrans.on("POST /v2/charge", request -> new FakeGatewayApi.Answer(201, """
                {"status_code":"201","status_message":"QRIS transaction is created","transaction_id":"tx-qris-1",
                 "order_id":"pay-1","gross_amount":"15000.00","payment_type":"qris","transaction_status":"pending",
                 "qr_string":"00020101021226620014COM.GO-JEK.WWW0118936009143300123456","actions":[]}"""));
        long qris = actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm("QRIS " + UUID.randomUUID(), "payment-midtrans",
                Map.of("serverKey", SERVER_KEY, "apiBase", midtrans.url(), "snapBase", midtrans.url() + "/snap", "method", "qris"), true)).id());
        AccountSummary customer = actors.customerWith("0");
        Payments.PaymentView started = actors.as(customer, () -> payments.startTopUp(customer.id(), customer.email(),
                new BigDecimal("15000"), qris));
        assertThat(started.status()).isEqualTo("pending");
        assertThat(started.qrString()).startsWith("000201");
        assertThat(midtrans.requests.stream().filter(r -> r.path().equals("/v2/charge")).findFirst().orElseThrow().body())
                .contains("\"payment_type\":\"qris\"").contains(started.reference());
    }
}
