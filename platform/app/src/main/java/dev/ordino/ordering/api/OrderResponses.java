package dev.ordino.ordering.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.CheckoutPayments;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The JSON shapes of orders, shared by the customer and admin APIs. Money as strings. */
@Component
class OrderResponses {

    private final StoreCurrency currency;

    OrderResponses(StoreCurrency currency) {
        this.currency = currency;
    }

    /** {@code codes}: the digital codes delivered on the line, for the order's owner only. */
    record Item(long productId, String name, long quantity, String link, String lineTotal, String status, Long startCount,
                Long remains, Map<String, String> extras,
                @JsonInclude(JsonInclude.Include.NON_NULL)
                List<String> codes) {
    }

    record Timeline(Instant at, String status, String note) {
    }

    record Order(long id, String number, String status, String paymentStatus, String total, String currency,
                 Instant createdAt, List<Item> items, List<Timeline> timeline,
                 @JsonInclude(JsonInclude.Include.NON_NULL)
                 Payment payment) {
    }

    /** A gateway payment of an order: where to pay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(long id, String status, String redirectUrl, String qrString, String instructions) {
    }

    record AdminOrder(long id, String number, long customerId, String customerEmail, String status, String paymentStatus,
                      String total, String paid, String refunded, String currency, Instant createdAt, Instant paidAt,
                      List<Item> items) {
    }

    record PaymentState(long id, String paymentStatus, Instant paidAt, String total, String currency) {
    }

    Order order(OrderView o, List<TimelineEntry> timeline) {
        return order(o, timeline, null);
    }

    Order order(OrderView o, List<TimelineEntry> timeline, CheckoutPayments.Started payment) {
        return order(o, timeline, payment, Map.of());
    }

    /** The order as its owner sees it, with the codes delivered on each line (by item id). */
    Order order(OrderView o, List<TimelineEntry> timeline, CheckoutPayments.Started payment, Map<Long, List<String>> codes) {
        return new Order(o.id(), o.number(), o.status().key(), o.paymentStatus().key(), currency.format(o.total()),
                o.currency(), o.createdAt(), items(o, codes),
                timeline == null ? null : timeline.stream().map(t -> new Timeline(t.at(), t.to().key(), t.note())).toList(),
                payment == null ? null : new Payment(payment.paymentId(), payment.status(), payment.redirectUrl(),
                        payment.qrString(), payment.instructions()));
    }

    AdminOrder admin(OrderView o) {
        return new AdminOrder(o.id(), o.number(), o.customerId(), o.customerEmail(), o.status().key(),
                o.paymentStatus().key(), currency.format(o.total()), currency.format(o.paidAmount()),
                currency.format(o.refundedAmount()), o.currency(), o.createdAt(), o.paidAt(), items(o, Map.of()));
    }

    PaymentState payment(OrderView o) {
        return new PaymentState(o.id(), o.paymentStatus().key(), o.paidAt(), currency.format(o.total()), o.currency());
    }

    String money(BigDecimal amount) {
        return currency.format(amount);
    }

    private List<Item> items(OrderView o, Map<Long, List<String>> codes) {
        return o.items().stream().map(i -> new Item(i.productId(), i.name(), i.quantity(), i.link(),
                currency.format(i.lineTotal()), i.status().key(), i.startCount(), i.remains(),
                i.extras().isEmpty() ? null : i.extras(), codes.get(i.id()))).toList();
    }
}
