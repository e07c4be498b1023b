package dev.ordino.ordering;

import dev.ordino.base.DomainException;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderRefund;
import dev.ordino.ordering.internal.OrderRepository;
import dev.ordino.ordering.internal.RefundRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How payments outside the wallet reach orders: a gateway's confirmed payment releases the
 * order to fulfilment; a failed or expired one cancels it and releases what it reserved;
 * refunds through the gateway are booked without touching the wallet. Called by the payment
 * module for the system; each call is idempotent.
 */
@Service
public class OrderPayments {

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final OrderBook book;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final CodeDelivery codeDelivery;

    OrderPayments(OrderRepository orders, RefundRepository refunds, OrderBook book, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager transactions, CodeDelivery codeDelivery) {
        this.codeDelivery = codeDelivery;
        this.orders = orders;
        this.refunds = refunds;
        this.book = book;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The order's payment arrived. Answers false when it was paid already or has ended. */
    public boolean paid(long orderId, BigDecimal amount, String how, String actor) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            if (order.getPaymentStatus() != PaymentStatus.PENDING && order.getPaymentStatus() != PaymentStatus.FAILED) {
                return false;
            }
            if (order.getStatus() != OrderStatus.PENDING) {
                return false; // cancelled meanwhile: the payment module refunds a late payment
            }
            order.setPaymentStatus(PaymentStatus.PAID);
            order.setPaidAmount(amount);
            order.setPaidAt(clock.instant());
            order.setUpdatedAt(clock.instant());
            book.record(order, order.getStatus(), order.getStatus(), "Paid by " + how, actor);
            events.publishEvent(new OrderPaid(order.getId(), order.getCustomerId(), amount, how));
            codeDelivery.deliver(order, actor);
            return true;
        }));
    }

    /** The order's payment failed or expired: the order is cancelled, nothing was taken. */
    public void failed(long orderId, String reason, String actor) {
        transaction.executeWithoutResult(status -> {
            CustomerOrder order = lock(orderId);
            if (order.getPaymentStatus() != PaymentStatus.PENDING) {
                return;
            }
            order.setPaymentStatus(PaymentStatus.FAILED);
            order.setUpdatedAt(clock.instant());
            if (order.getStatus().canMoveTo(OrderStatus.CANCELLED)) {
                book.transition(order, OrderStatus.CANCELLED, "Payment failed: " + reason, actor);
            } else {
                book.record(order, order.getStatus(), order.getStatus(), "Payment failed: " + reason, actor);
            }
        });
    }

    /** What can still be refunded, and the customer, of an order. */
    public record Refundable(long customerId, BigDecimal left, String paymentMethod) {
    }

    public Optional<Refundable> refundable(long orderId) {
        return orders.findById(orderId).map(o -> new Refundable(o.getCustomerId(), o.getPaidAmount().subtract(o.getRefundedAmount()),
                o.getPaymentMethod()));
    }

    /**
     * The same, read under the order's row lock, held until the caller's transaction ends: a
     * refund claimed meanwhile elsewhere waits for it, and every other change of the order too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Refundable lockRefundable(long orderId) {
        CustomerOrder o = lock(orderId);
        return new Refundable(o.getCustomerId(), o.getPaidAmount().subtract(o.getRefundedAmount()), o.getPaymentMethod());
    }

    /** A refund booked earlier under this key, if any. */
    public Optional<OrderAdminService.RefundResult> earlierRefund(long orderId, String idempotencyKey) {
        return refunds.findByOrderIdAndIdempotencyKey(orderId, idempotencyKey).map(r -> transaction.execute(status ->
                new OrderAdminService.RefundResult(book.view(lock(orderId), null), r.getAmount(), r.getSeq(), false)));
    }

    /** Books a refund the gateway has made: the order's refunded amount and payment status, not the wallet. */
    public OrderAdminService.RefundResult refundedThroughGateway(long orderId, BigDecimal amount, String reason, String actor,
                                                                 String idempotencyKey) {
        return transaction.execute(status -> {
            CustomerOrder order = lock(orderId);
            var earlier = refunds.findByOrderIdAndIdempotencyKey(orderId, idempotencyKey);
            if (earlier.isPresent()) {
                return new OrderAdminService.RefundResult(book.view(order, null), earlier.get().getAmount(), earlier.get().getSeq(), false);
            }
            OrderRefund refund = book.refundOutsideWallet(order, amount, reason, actor, idempotencyKey);
            return new OrderAdminService.RefundResult(book.view(order, null), refund.getAmount(), refund.getSeq(), true);
        });
    }

    private CustomerOrder lock(long orderId) {
        return orders.lockById(orderId).orElseThrow(() -> DomainException.notFound("order_not_found", "No such order"));
    }
}
