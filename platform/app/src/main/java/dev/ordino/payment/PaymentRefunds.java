package dev.ordino.payment;

import static dev.ordino.payment.GatewayRefundState.DONE;
import static dev.ordino.payment.GatewayRefundState.FAILED;
import static dev.ordino.payment.GatewayRefundState.PENDING;

import dev.ordino.base.DomainException;
import dev.ordino.base.Text;
import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.GatewayRefunds;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderPayments;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.api.PaymentGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds back through the gateway that took an order's money. The idempotency key is claimed
 * under the order's lock before the gateway is called and sent on to it, so a double click or a
 * retry after a timeout refunds once; what the gateway did is stored before it is booked.
 */
@Service
class PaymentRefunds implements GatewayRefunds {

    private static final Logger log = LoggerFactory.getLogger(PaymentRefunds.class);

    private final Payments payments;
    private final GatewayInstances gateways;
    private final OrderPayments orderPayments;
    private final StoreCurrency currency;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    PaymentRefunds(Payments payments, GatewayInstances gateways, OrderPayments orderPayments, StoreCurrency currency, JdbcClient jdbc,
                   Clock clock, PlatformTransactionManager transactions) {
        this.payments = payments;
        this.gateways = gateways;
        this.orderPayments = orderPayments;
        this.currency = currency;
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public OrderAdminService.RefundResult refund(long orderId, BigDecimal amount, String reason, String actor, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            // The key is sent on to the gateway: without one, a retry after a timeout could refund twice.
            throw DomainException.badRequest("idempotency_key_required", "Idempotency-Key",
                    "Send an Idempotency-Key with refunds through the gateway");
        }
        String key = Text.cut(idempotencyKey.strip(), 100);
        Optional<OrderAdminService.RefundResult> earlier = orderPayments.earlierRefund(orderId, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Payments.PaymentView p = payments.paidPaymentOfOrder(orderId).orElseThrow(() -> DomainException.conflict("no_gateway_payment", "This order was not paid through a gateway"));
        BigDecimal value = claim(orderId, p, amount, key, actor);
        GatewayInstances.Connected connected = gateways.connect(gateways.instance(p.gatewayId()), PluginCalls.Kind.ADMIN);
        String gatewayRefund;
        try {
            gatewayRefund = connected.gateway().refund(connected.context(), p.gatewayRef() == null ? p.reference() : p.gatewayRef(),
                    value, key);
        } catch (PaymentGateway.GatewayException | RuntimeException e) {
            // Kept as failed, not deleted: a retry with the same key goes to the gateway again under that key,
            // which the gateway de-duplicates if the first attempt went through after all.
            jdbc.sql("UPDATE payment_refund SET state = " + FAILED.sql() + ", error = ? WHERE payment_id = ? AND idempotency_key = ? AND "
                            + FAILED.from(PENDING))
                    .params(Text.cut(e.getMessage(), 1000), p.id(), key).update();
            throw new DomainException(502, "gateway_error", null, "The gateway did not refund: " + e.getMessage());
        }
        // What the gateway did is stored first, on its own, whatever happens to the booking.
        jdbc.sql("UPDATE payment_refund SET state = " + DONE.sql() + ", gateway_refund_ref = ?, error = NULL WHERE payment_id = ? "
                        + "AND idempotency_key = ? AND " + DONE.from(PENDING))
                .params(Text.cut(gatewayRefund, 200), p.id(), key).update();
        try {
            return transaction.execute(status -> {
                // status first: MariaDB assigns left to right, so the CASE must see the amount before this refund.
                int booked = jdbc.sql("UPDATE payment SET status = CASE WHEN refunded_amount + ? >= amount THEN "
                                + PaymentState.REFUNDED.sql() + " ELSE " + PaymentState.PARTIALLY_REFUNDED.sql() + " END, "
                                + "refunded_amount = refunded_amount + ?, updated_at = ? WHERE id = ? AND "
                                + PaymentState.in(PaymentState.REFUNDABLE))
                        .params(value, value, UtcTime.column(clock.instant()), p.id()).update();
                if (booked == 0) {
                    throw new IllegalStateException("Payment " + p.id() + " can no longer be refunded");
                }
                return orderPayments.refundedThroughGateway(orderId, value, reason, actor, key);
            });
        } catch (RuntimeException e) {
            log.error("Payment {}: the gateway refunded {} ({}), but booking it on order {} failed", p.id(), value, gatewayRefund,
                    orderId, e);
            jdbc.sql("UPDATE payment_refund SET error = ? WHERE payment_id = ? AND idempotency_key = ?")
                    .params(Text.cut("Refunded at the gateway; booking failed: " + e.getMessage(), 1000), p.id(), key).update();
            throw DomainException.conflict("refund_not_booked", "The gateway refunded " + currency.display(value)
                    + " but the order could not be updated; check the order before refunding again");
        }
    }

    /**
     * Claims the refund's key under the order's lock, checked against what is left after other
     * refunds in flight. A second click waits here and then finds the first one's claim; a claim
     * left failed is taken again (the retry goes to the gateway under the same key).
     */
    private BigDecimal claim(long orderId, Payments.PaymentView p, BigDecimal amount, String key, String actor) {
        return transaction.execute(status -> {
            OrderPayments.Refundable refundable = orderPayments.lockRefundable(orderId);
            Optional<GatewayRefundState> state = jdbc.sql("SELECT state FROM payment_refund WHERE payment_id = ? AND idempotency_key = ?")
                    .params(p.id(), key).query(String.class).optional().map(GatewayRefundState::parse);
            BigDecimal inFlight = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payment_refund WHERE payment_id = ? AND state = "
                            + PENDING.sql())
                    .param(p.id()).query(BigDecimal.class).single();
            BigDecimal left = refundable.left().subtract(inFlight);
            BigDecimal value = amount == null ? left : currency.parse(amount, "amount");
            if (state.isPresent() && !state.get().canMoveTo(PENDING)) {
                throw DomainException.conflict("refund_in_progress", "This refund is being made; look again in a moment");
            }
            if (value.signum() <= 0) {
                throw DomainException.badRequest("invalid_amount", "amount", "A refund must be more than zero");
            }
            if (value.compareTo(left) > 0) {
                throw DomainException.conflict("refund_exceeds_paid", "At most " + currency.display(left)
                        + " can still be refunded", currency.display(left));
            }
            if (state.isPresent()) {
                jdbc.sql("UPDATE payment_refund SET state = " + PENDING.sql() + ", amount = ? WHERE payment_id = ? AND idempotency_key = ? "
                                + "AND " + PENDING.from(state.get()))
                        .params(value, p.id(), key).update();
            } else {
                jdbc.sql("INSERT INTO payment_refund (payment_id, amount, idempotency_key, state, created_by, created_at) "
                                + "VALUES (?, ?, ?, " + PENDING.sql() + ", ?, ?)")
                        .params(p.id(), value, key, actor, UtcTime.column(clock.instant())).update();
            }
            return value;
        });
    }
}
