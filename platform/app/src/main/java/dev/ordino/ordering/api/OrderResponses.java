package dev.ordino.ordering.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.catalog.FulfilmentMethod;
import dev.ordino.ordering.CheckoutPayments;
import dev.ordino.ordering.HandoverView;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.TimelineEntry;
import dev.ordino.store.HandoverSettings;
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
                 Payment payment,
                 @JsonInclude(JsonInclude.Include.NON_NULL)
                 Fulfilment fulfilment,
                 @JsonInclude(JsonInclude.Include.NON_NULL)
                 String bookingCode) {
    }

    /** Pickup (where, and the time the customer asked for) or delivery (where to, the fee), and how far it got. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fulfilment(String type, String status, String address, String phone, String time, String deliveryFee,
                      PickupPoint pickupPoint) {
    }

    record PickupPoint(String name, String address, String hours) {
    }

    /** A gateway payment of an order: where to pay. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payment(long id, String status, String redirectUrl, String qrString, String instructions) {
    }

    record AdminOrder(long id, String number, long customerId, String customerEmail, String status, String paymentStatus,
                      String total, String paid, String refunded, String currency, Instant createdAt, Instant paidAt,
                      List<Item> items,
                      @JsonInclude(JsonInclude.Include.NON_NULL)
                      Fulfilment fulfilment) {
    }

    record PaymentState(long id, String paymentStatus, Instant paidAt, String total, String currency) {
    }

    Order order(OrderView o, List<TimelineEntry> timeline) {
        return order(o, timeline, null);
    }

    Order order(OrderView o, List<TimelineEntry> timeline, CheckoutPayments.Started payment) {
        return order(o, timeline, payment, Map.of(), null, null);
    }

    /**
     * The order as its owner sees it: the codes delivered on each line (by item id), and its pickup
     * or delivery with the booking code.
     */
    Order order(OrderView o, List<TimelineEntry> timeline, CheckoutPayments.Started payment, Map<Long, List<String>> codes,
                HandoverView handover, HandoverSettings point) {
        return new Order(o.id(), o.number(), o.status().key(), o.paymentStatus().key(), currency.format(o.total()),
                o.currency(), o.createdAt(), items(o, codes),
                timeline == null ? null : timeline.stream().map(t -> new Timeline(t.at(), t.to().key(), t.note())).toList(),
                payment == null ? null : new Payment(payment.paymentId(), payment.status(), payment.redirectUrl(),
                        payment.qrString(), payment.instructions()),
                fulfilment(handover, point), handover == null ? null : handover.bookingCode());
    }

    Fulfilment fulfilment(HandoverView h, HandoverSettings point) {
        if (h == null) {
            return null;
        }
        boolean pickup = h.method() == FulfilmentMethod.PICKUP;
        return new Fulfilment(h.method().key(), h.status().key(), h.address(), h.phone(), h.pickupTime(),
                pickup ? null : currency.format(h.deliveryFee()),
                pickup && point != null ? new PickupPoint(point.pickupName(), point.pickupAddress(), point.pickupHours()) : null);
    }

    AdminOrder admin(OrderView o) {
        return admin(o, null);
    }

    /** With the order's pickup or delivery (never its booking code: that is the customer's proof). */
    AdminOrder admin(OrderView o, Fulfilment fulfilment) {
        return new AdminOrder(o.id(), o.number(), o.customerId(), o.customerEmail(), o.status().key(),
                o.paymentStatus().key(), currency.format(o.total()), currency.format(o.paidAmount()),
                currency.format(o.refundedAmount()), o.currency(), o.createdAt(), o.paidAt(), items(o, Map.of()), fulfilment);
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
