package dev.ordino.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.DomainException;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingForm;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.wallet.WalletService;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

@OrdinoTest
class OrderRulesTest {

    @Autowired
    OrderService orders;
    @Autowired
    OrderAdminService desk;
    @Autowired
    CatalogService catalog;
    @Autowired
    WalletService wallet;
    @Autowired
    Actors actors;

    private OfferingView offering(String name) {
        return catalog.offerings(new OfferingFilter(null, null, name, false), Pageable.ofSize(5)).getContent().stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private OrderView place(AccountSummary customer, String product, long quantity, String link) {
        return actors.as(customer, () -> orders.place(customer.id(), customer.email(),
                new PlaceOrder(List.of(new PlaceOrder.Line(offering(product).id(), quantity, link, null)), "wallet"), null)).order();
    }

    private static final String TIKTOK = "https://www.tiktok.com/@ordino";

    @Test
    void aWalletPaidOrderStartsPendingAndPaidAndTheBalanceMovesByItsTotal() {
        AccountSummary customer = actors.customerWith("10.00");
        OrderView order = place(customer, "TikTok Followers", 300, TIKTOK);

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(order.total()).isEqualByComparingTo("1.50");
        assertThat(order.number()).isEqualTo(String.format("ORD-%06d", order.id()));
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("8.50");
        assertThat(wallet.ledgerSum(customer.id())).isEqualByComparingTo("8.50");
        assertThat(actors.as(customer, () -> orders.myTimeline(customer.id(), order.id())))
                .extracting(TimelineEntry::to).containsExactly(OrderStatus.PENDING);
    }

    @Test
    void aCustomerWithoutEnoughBalanceCannotPlaceAnOrderAndNothingIsWritten() {
        AccountSummary customer = actors.customerWith("0.49");
        assertThatThrownBy(() -> place(customer, "TikTok Followers", 100, TIKTOK))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("insufficient_balance");
                    assertThat(e.status()).isEqualTo(402);
                });
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("0.49");
        assertThat(actors.as(customer, () -> orders.myOrders(customer.id(), Pageable.ofSize(10))).getTotalElements()).isZero();
    }

    @Test
    void lineTotalsArePriceTimesQuantityOverPricePerRoundedHalfUpAtTheLine() {
        AccountSummary customer = actors.customerWith("100.00");
        assertThat(place(customer, "YouTube Views", 1500, "https://youtu.be/abc").total()).isEqualByComparingTo("0.30");
        assertThat(place(customer, "TikTok Views", 1050, TIKTOK).total()).as("0.105 rounds up").isEqualByComparingTo("0.11");
        assertThat(place(customer, "TikTok Views", 1040, TIKTOK).total()).as("0.104 rounds down").isEqualByComparingTo("0.10");
        assertThat(place(customer, "Facebook Followers", 75, "https://facebook.com/ordino").total()).isEqualByComparingTo("1.50");

        OfferingView tiny = actors.asAdmin(() -> catalog.saveOffering(OfferingForm.perUnit(null, offering("TikTok Likes").categoryId(),
                OfferingKind.SERVICE, "Tiny rate " + System.nanoTime(), null, new BigDecimal("0.0035"), 1, 1L, 10_000L, null, 0,
                false, null, null, true)));
        OrderView order = actors.as(customer, () -> orders.place(customer.id(), customer.email(), new PlaceOrder(List.of(
                new PlaceOrder.Line(tiny.id(), 3L, TIKTOK, null), new PlaceOrder.Line(tiny.id(), 1L, TIKTOK, null)), "wallet"), null)).order();
        assertThat(order.items()).extracting(OrderItemView::lineTotal).containsExactly(new BigDecimal("0.01"), new BigDecimal("0.00"));
        assertThat(order.items().getFirst().unitPrice()).isEqualByComparingTo("0.0035");
        assertThat(order.total()).isEqualByComparingTo("0.01");
    }

    @Test
    void quantityAndLinkAreCheckedAgainstTheService() {
        AccountSummary customer = actors.customerWith("100.00");
        assertThatThrownBy(() -> place(customer, "TikTok Followers", 99, TIKTOK))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("quantity_out_of_range");
        assertThatThrownBy(() -> place(customer, "TikTok Followers", 100_001, TIKTOK))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("quantity_out_of_range");
        assertThatThrownBy(() -> place(customer, "TikTok Followers", 100, "https://instagram.com/ordino"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_link");
        assertThatThrownBy(() -> place(customer, "TikTok Followers", 100, "javascript:alert(1)"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_link");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("100.00");
    }

    @Test
    void transitionsFollowTheStateMachineAndIllegalOnesAreRefused() {
        AccountSummary customer = actors.customerWith("10.00");
        OrderView order = place(customer, "TikTok Followers", 200, TIKTOK);

        actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.PROCESSING, "Sent to provider", "staff@ordino"));
        assertThatThrownBy(() -> actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.CONFIRMED, null, "staff@ordino")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("illegal_transition");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("An order that is processing cannot become confirmed");
                });
        actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.IN_PROGRESS, null, "staff@ordino"));
        actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.COMPLETED, "Delivered", "staff@ordino"));
        assertThatThrownBy(() -> actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.CANCELLED, null, "staff@ordino")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("illegal_transition");

        List<TimelineEntry> timeline = actors.asAdmin(() -> desk.timeline(order.id()));
        assertThat(timeline).extracting(TimelineEntry::to)
                .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED);
        assertThat(timeline.get(1).from()).isEqualTo(OrderStatus.PENDING);
        assertThat(timeline.get(1).actor()).isEqualTo("staff@ordino");
        assertThat(timeline.get(3).note()).isEqualTo("Delivered");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("9.00");
    }

    @Test
    void everyTransitionOfTheIssueIsAllowedAndNoOther() {
        assertThat(OrderStatus.PENDING.next()).containsExactlyInAnyOrder(OrderStatus.CONFIRMED, OrderStatus.PROCESSING,
                OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REJECTED);
        assertThat(OrderStatus.CONFIRMED.next()).containsExactlyInAnyOrder(OrderStatus.PROCESSING, OrderStatus.COMPLETED,
                OrderStatus.CANCELLED);
        assertThat(OrderStatus.PROCESSING.next()).containsExactlyInAnyOrder(OrderStatus.IN_PROGRESS, OrderStatus.COMPLETED,
                OrderStatus.PARTIAL, OrderStatus.CANCELLED);
        assertThat(OrderStatus.IN_PROGRESS.next()).containsExactlyInAnyOrder(OrderStatus.COMPLETED, OrderStatus.PARTIAL,
                OrderStatus.CANCELLED);
        for (OrderStatus end : List.of(OrderStatus.COMPLETED, OrderStatus.PARTIAL, OrderStatus.CANCELLED, OrderStatus.REJECTED)) {
            assertThat(end.next()).as(end.key()).isEmpty();
        }
    }

    @Test
    void staffRejectingAPaidOrderRefundsWhatIsLeftAndPutsStockBack() {
        AccountSummary customer = actors.customerWith("200.00");
        OfferingView stand = offering("Laptop Stand");
        int stockBefore = stand.stock();
        OrderView order = place(customer, "Laptop Stand", 2, null);
        assertThat(offering("Laptop Stand").stock()).isEqualTo(stockBefore - 2);
        actors.asAdmin(() -> desk.refund(order.id(), new BigDecimal("10.00"), "Scratched", "staff@ordino", null));

        OrderView rejected = actors.asAdmin(() -> desk.changeStatus(order.id(), OrderStatus.REJECTED, "Cannot deliver", "staff@ordino"));
        assertThat(rejected.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(rejected.refundedAmount()).isEqualByComparingTo("99.98");
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("200.00");
        assertThat(wallet.ledgerSum(customer.id())).isEqualByComparingTo("200.00");
        assertThat(offering("Laptop Stand").stock()).isEqualTo(stockBefore);
        assertThat(wallet.transactions(customer.id(), Pageable.ofSize(10)).getContent())
                .extracting(e -> e.reference())
                .contains("order:" + order.id() + ":payment", "order:" + order.id() + ":refund:1", "order:" + order.id() + ":refund:2");
    }

    @Test
    void refundsNeverExceedWhatWasPaidAndAKeyBooksOnce() {
        AccountSummary customer = actors.customerWith("5.00");
        OrderView order = place(customer, "TikTok Followers", 200, TIKTOK); // 1.00

        var first = actors.asAdmin(() -> desk.refund(order.id(), new BigDecimal("0.40"), "Slow start", "staff@ordino", "key-1"));
        assertThat(first.created()).isTrue();
        assertThat(first.order().paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        var again = actors.asAdmin(() -> desk.refund(order.id(), new BigDecimal("0.40"), "Slow start", "staff@ordino", "key-1"));
        assertThat(again.created()).isFalse();
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("4.40");

        assertThatThrownBy(() -> actors.asAdmin(() -> desk.refund(order.id(), new BigDecimal("0.61"), null, "staff@ordino", null)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("refund_exceeds_paid");
                    assertThat(e.status()).isEqualTo(409);
                });
        assertThatThrownBy(() -> actors.asAdmin(() -> desk.refund(order.id(), new BigDecimal("0.001"), null, "staff@ordino", null)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_amount");
        assertThatThrownBy(() -> actors.asAdmin(() -> desk.refund(order.id(), new BigDecimal("-1"), null, "staff@ordino", null)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_amount");

        var rest = actors.asAdmin(() -> desk.refund(order.id(), null, "Rest", "staff@ordino", null));
        assertThat(rest.amount()).isEqualByComparingTo("0.60");
        assertThat(rest.order().paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("5.00");
        assertThatThrownBy(() -> actors.asAdmin(() -> desk.refund(order.id(), null, null, "staff@ordino", null)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("refund_exceeds_paid");
    }

    @Test
    void aCustomerCancelsAPendingOrderForAFullRefundButNotOnceItIsHandedOn() {
        AccountSummary customer = actors.customerWith("3.00");
        OrderView first = place(customer, "TikTok Followers", 200, TIKTOK);
        OrderView cancelled = actors.as(customer, () -> orders.cancel(customer.id(), first.id(), customer.email()));
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("3.00");

        OrderView second = place(customer, "TikTok Followers", 200, TIKTOK);
        actors.asAdmin(() -> desk.changeStatus(second.id(), OrderStatus.PROCESSING, null, "staff@ordino"));
        assertThatThrownBy(() -> actors.as(customer, () -> orders.cancel(customer.id(), second.id(), customer.email())))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("not_cancellable");
                    assertThat(e.status()).isEqualTo(409);
                });
        assertThat(wallet.balance(customer.id())).isEqualByComparingTo("2.00");
    }

    @Test
    void aCustomerNeverSeesAnotherCustomersOrder() {
        AccountSummary alice = actors.customerWith("5.00");
        AccountSummary bob = actors.customerWith("5.00");
        OrderView alices = place(alice, "TikTok Followers", 100, TIKTOK);

        assertThatThrownBy(() -> actors.as(bob, () -> orders.myOrder(bob.id(), alices.id())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("order_not_found");
        assertThatThrownBy(() -> actors.as(bob, () -> orders.cancel(bob.id(), alices.id(), bob.email())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo("order_not_found");
        assertThat(actors.as(bob, () -> orders.myOrders(bob.id(), Pageable.ofSize(10))).getContent()).isEmpty();
    }

    @Test
    void theCsvExportHoldsTheFilteredOrdersAndDefusesFormulas() throws Exception {
        AccountSummary customer = actors.customerWith("5.00");
        OrderView order = place(customer, "TikTok Followers", 100, TIKTOK);
        StringWriter csv = new StringWriter();
        long rows = actors.asAdmin(() -> desk.exportCsv(new OrderFilter(Set.of(), null, customer.email(), null, null, null), csv));
        assertThat(rows).isEqualTo(1);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,number,created_at,customer,status,payment_status,total,refunded,currency,items");
        assertThat(lines[1]).startsWith(order.id() + "," + order.number() + ",").contains(customer.email(), ",pending,paid,0.50,0.00,USD,")
                .endsWith("100 x TikTok Followers");
    }

    @Test
    void staffSearchFiltersByStatusPaymentCustomerAndProduct() {
        AccountSummary customer = actors.customerWith("20.00");
        OrderView a = place(customer, "TikTok Followers", 100, TIKTOK);
        OrderView b = place(customer, "Instagram Followers", 100, "https://instagram.com/ordino");
        actors.asAdmin(() -> desk.changeStatus(b.id(), OrderStatus.COMPLETED, null, "staff@ordino"));

        var byCustomer = actors.asAdmin(() -> desk.search(new OrderFilter(Set.of(), null, customer.email(), null, null, null),
                Pageable.ofSize(10)));
        assertThat(byCustomer.getContent()).extracting(OrderView::id).containsExactly(b.id(), a.id());
        assertThat(byCustomer.getContent().getFirst().customerEmail()).isEqualTo(customer.email());
        var completed = actors.asAdmin(() -> desk.search(new OrderFilter(Set.of(OrderStatus.COMPLETED), PaymentStatus.PAID,
                Long.toString(customer.id()), null, null, null), Pageable.ofSize(10)));
        assertThat(completed.getContent()).extracting(OrderView::id).containsExactly(b.id());
        var byProduct = actors.asAdmin(() -> desk.search(new OrderFilter(Set.of(), null, customer.email(),
                offering("TikTok Followers").id(), LocalDate.now(), LocalDate.now()), Pageable.ofSize(10)));
        assertThat(byProduct.getContent()).extracting(OrderView::id).containsExactly(a.id());
    }
}
