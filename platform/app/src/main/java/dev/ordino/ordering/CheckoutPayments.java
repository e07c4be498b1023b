package dev.ordino.ordering;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Paying an order through a gateway at checkout, offered by the payment module to ordering
 * without ordering depending on it.
 */
public interface CheckoutPayments {

    /** A gateway payment started: where to send the customer, or what to show. */
    record Started(long paymentId, String status, String redirectUrl, String qrString, String instructions) {
    }

    /**
     * Checks that the gateway instance exists, is enabled and takes the store currency.
     *
     * @throws dev.ordino.base.DomainException {@code unknown_gateway} (400) and the like
     */
    void check(long gatewayId);

    /** Starts the payment of an order placed a moment ago (after its transaction committed). */
    Started start(long orderId, long customerId, String customerEmail, BigDecimal amount, long gatewayId);

    /** A way to pay a customer can choose: {@code payment} is what {@link PlaceOrder#payment()} takes. */
    record Option(String payment, String name) {
    }

    /** The gateways customers can pay with now. */
    List<Option> options();

    /** The latest payment of an order, if it was paid through a gateway. */
    Optional<Started> forOrder(long orderId);
}
