package dev.ordino.stock;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.PaymentFollowUps;
import dev.ordino.payment.Payments;
import dev.ordino.wallet.WalletService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the best-known code shops get wrong: two cards for one order when the payment
 * notification repeats, the last cards failing to sell, abandoned checkouts locking the stock,
 * late payments stuck. 100 buyers for 50 codes, every payment sent twice at once.
 */
@OrdinoTest
class CodeSalesConcurrencyTest {

    private static final int BUYERS = 100;
    private static final int CODES = 50;

    @Autowired
    DigitalOffering digital;
    @Autowired
    OrderService orders;
    @Autowired
    CodeStock stock;
    @Autowired
    WalletService wallet;
    @Autowired
    GatewayInstances gateways;
    @Autowired
    Payments payments;
    @Autowired
    PaymentFollowUps followUps;
    @Autowired
    Actors actors;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fiftyOfAHundredWalletBuyersGetOneDistinctCodeEachTheRestWaitAndAreFilledFirstComeWhenCodesArrive() throws Exception {
        OfferingView card = digital.withCodes(CODES, WhenOutOfStock.WAIT);
        List<AccountSummary> buyers = buyers("10.00");
        List<Long> placed = placeTwiceEach(buyers, card, "wallet").stream().map(p -> p.order().id()).toList();

        assertThat(new HashSet<>(placed)).as("one order per buyer, whatever the replays").hasSize(BUYERS);
        Map<Long, List<String>> codes = codesByOrder(buyers, placed);
        assertThat(codes.values()).as("orders with codes").filteredOn(c -> !c.isEmpty()).hasSize(CODES)
                .allSatisfy(c -> assertThat(c).hasSize(1));
        assertThat(codes.values().stream().flatMap(List::stream).distinct().count()).as("no code sold twice").isEqualTo(CODES);
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            OrderView order = order(buyers.get(i), placed.get(i));
            assertThat(wallet.balance(buyers.get(i).id())).as("charged once").isEqualByComparingTo("8.00");
            if (codes.get(order.id()).isEmpty()) {
                assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
                assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PAID);
                waiting.add(order.id());
            } else {
                assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
            }
        }
        assertThat(actors.asAdmin(() -> stock.counts(card.id()))).isEqualTo(new CodeStock.Counts(0, 0, CODES, 0));

        digital.add(card.id(), 30, "restock");
        List<Long> firstCome = waiting.stream().sorted().limit(30).toList();
        eventually(() -> firstCome.stream().allMatch(id -> soldTo(id) == 1));
        assertThat(waiting.stream().filter(id -> !firstCome.contains(id)).mapToLong(this::soldTo).sum())
                .as("later orders wait for the next codes").isZero();
        int first = placed.indexOf(firstCome.getFirst());
        assertThat(order(buyers.get(first), firstCome.getFirst()).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void withRefundSetTheBuyersLeftWithoutACodeGetTheirMoneyBackOnce() throws Exception {
        OfferingView card = digital.withCodes(CODES, WhenOutOfStock.REFUND);
        List<AccountSummary> buyers = buyers("10.00");
        List<Long> placed = placeTwiceEach(buyers, card, "wallet").stream().map(p -> p.order().id()).toList();

        Map<Long, List<String>> codes = codesByOrder(buyers, placed);
        assertThat(codes.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(CODES);
        int refunded = 0;
        for (int i = 0; i < BUYERS; i++) {
            OrderView order = order(buyers.get(i), placed.get(i));
            if (codes.get(order.id()).isEmpty()) {
                refunded++;
                assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
                assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
                assertThat(wallet.balance(buyers.get(i).id())).isEqualByComparingTo("10.00");
            } else {
                assertThat(wallet.balance(buyers.get(i).id())).isEqualByComparingTo("8.00");
            }
        }
        assertThat(refunded).isEqualTo(BUYERS - CODES);
    }

    @Test
    void gatewayCheckoutsHoldCodesWhileTheirPaymentIsOpenAndLatePaymentsAreNeverLost() throws Exception {
        OfferingView card = digital.withCodes(CODES, WhenOutOfStock.REFUND);
        long bank = bank();
        List<AccountSummary> buyers = buyers("0");
        List<Placement> placed = placeOnce(buyers, card, "gateway:" + bank);
        assertThat(actors.asAdmin(() -> stock.counts(card.id()))).as("abandoned or not, 50 are held")
                .isEqualTo(new CodeStock.Counts(0, CODES, 0, 0));

        List<Long> holding = jdbc.sql("SELECT order_id FROM code_stock WHERE offering_id = ? AND state = 'reserved' ORDER BY order_id")
                .param(card.id()).query(Long.class).list();
        List<Long> rejected = holding.subList(0, 10);
        List<Long> expired = holding.subList(10, 20);
        List<Long> stillHolding = holding.subList(20, CODES);
        for (Placement p : placed) {
            if (rejected.contains(p.order().id())) {
                actors.asAdmin(() -> followUps.rejectTransfer(p.payment().paymentId(), "No transfer arrived", Actors.ADMIN_EMAIL));
            }
        }
        // Fifteen minutes pass for these checkouts: their hold is over, though their payment is still open.
        jdbc.sql("UPDATE code_stock SET reserved_until = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE order_id IN (:ids)")
                .param("ids", expired).update();
        assertThat(actors.asAdmin(() -> stock.counts(card.id()))).isEqualTo(new CodeStock.Counts(20, 30, 0, 0));

        List<Callable<Object>> confirmations = new ArrayList<>();
        for (Placement p : placed) {
            for (int twice = 0; twice < 2; twice++) {
                confirmations.add(() -> {
                    try {
                        return actors.asAdmin(() -> payments.confirmManual(p.payment().paymentId(), Actors.ADMIN_EMAIL));
                    } catch (DomainException e) {
                        assertThat(e.code()).isEqualTo("already_settled");
                        return null;
                    }
                });
            }
        }
        runAll(confirmations);

        List<Long> ids = placed.stream().map(p -> p.order().id()).toList();
        Map<Long, List<String>> codes = codesByOrder(buyers, ids);
        assertThat(codes.values()).filteredOn(c -> !c.isEmpty()).hasSize(CODES).allSatisfy(c -> assertThat(c).hasSize(1));
        assertThat(codes.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(CODES);
        assertThat(stillHolding).as("a checkout still holding its codes gets them").allSatisfy(id -> assertThat(codes.get(id)).hasSize(1));
        for (int i = 0; i < BUYERS; i++) {
            OrderView order = order(buyers.get(i), ids.get(i));
            String balance = codes.get(order.id()).isEmpty() ? "2.00" : "0.00";
            assertThat(wallet.balance(buyers.get(i).id())).as("paid once; without a code the money is in the wallet, once")
                    .isEqualByComparingTo(balance);
            if (rejected.contains(order.id())) {
                assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            } else {
                assertThat(order.status()).isIn(OrderStatus.COMPLETED, OrderStatus.CANCELLED);
            }
        }
        assertThat(actors.asAdmin(() -> stock.counts(card.id()))).isEqualTo(new CodeStock.Counts(0, 0, CODES, 0));
    }

    @Test
    void codesReleasedByAFailedCheckoutGoToTheLineWaitingForThem() throws Exception {
        OfferingView card = digital.withCodes(1, WhenOutOfStock.WAIT);
        long bank = bank();
        AccountSummary first = actors.customerWith("0");
        Placement holding = place(first, card, "gateway:" + bank, null);
        AccountSummary second = actors.customerWith("10.00");
        long waiting = place(second, card, "wallet", null).order().id();
        assertThat(order(second, waiting).status()).as("the only code is held by the open checkout").isEqualTo(OrderStatus.PENDING);

        actors.asAdmin(() -> followUps.rejectTransfer(holding.payment().paymentId(), "No transfer arrived", Actors.ADMIN_EMAIL));
        eventually(() -> soldTo(waiting) == 1);
        assertThat(order(second, waiting).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    private long bank() {
        return actors.asAdmin(() -> gateways.create(new GatewayInstances.GatewayForm("Bank " + UUID.randomUUID(),
                "payment-manual", Map.of("instructions", "Pay {amount} to ACME Bank 123, reference {reference}"), true))).id();
    }

    private List<AccountSummary> buyers(String balance) {
        List<AccountSummary> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(actors.customerWith(balance));
        }
        return buyers;
    }

    /** Every buyer's order sent twice at once with the same idempotency key, as a retrying client does. */
    private List<Placement> placeTwiceEach(List<AccountSummary> buyers, OfferingView card, String payment) throws Exception {
        List<Callable<Object>> calls = new ArrayList<>();
        for (AccountSummary buyer : buyers) {
            String key = UUID.randomUUID().toString();
            for (int twice = 0; twice < 2; twice++) {
                calls.add(() -> place(buyer, card, payment, key));
            }
        }
        List<Object> results = runAll(calls);
        List<Placement> placements = new ArrayList<>();
        for (int i = 0; i < results.size(); i += 2) {
            Placement one = (Placement) results.get(i);
            assertThat(((Placement) results.get(i + 1)).order().id()).isEqualTo(one.order().id());
            placements.add(one);
        }
        return placements;
    }

    private List<Placement> placeOnce(List<AccountSummary> buyers, OfferingView card, String payment) throws Exception {
        List<Callable<Object>> calls = new ArrayList<>();
        buyers.forEach(buyer -> calls.add(() -> place(buyer, card, payment, null)));
        return runAll(calls).stream().map(Placement.class::cast).toList();
    }

    private Placement place(AccountSummary buyer, OfferingView card, String payment, String key) {
        return actors.as(buyer, () -> orders.place(buyer.id(), buyer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(card.id(), 1L, null, null)), payment), key));
    }

    private static List<Object> runAll(List<Callable<Object>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Object>> futures = pool.invokeAll(calls);
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<Long, List<String>> codesByOrder(List<AccountSummary> buyers, List<Long> orderIds) {
        Map<Long, List<String>> codes = new HashMap<>();
        for (int i = 0; i < buyers.size(); i++) {
            AccountSummary buyer = buyers.get(i);
            long id = orderIds.get(i);
            codes.put(id, actors.as(buyer, () -> orders.myCodes(buyer.id(), id)).values().stream()
                    .flatMap(List::stream).toList());
        }
        return codes;
    }

    private OrderView order(AccountSummary buyer, long orderId) {
        return actors.as(buyer, () -> orders.myOrder(buyer.id(), orderId));
    }

    private long soldTo(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM code_stock WHERE order_id = ? AND state = 'sold'").param(orderId)
                .query(Long.class).single();
    }
}
