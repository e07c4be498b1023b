package dev.ordino.ordering;

import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.catalog.WhenOutOfStock;
import dev.ordino.ordering.internal.CustomerOrder;
import dev.ordino.ordering.internal.OrderBook;
import dev.ordino.ordering.internal.OrderItem;
import dev.ordino.ordering.internal.OrderRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Digital lines and their codes. Codes change hands in the transaction of the payment that buys
 * them (wallet or gateway), under the order's row lock, so a replayed payment finds the line
 * completed and takes nothing more. A line that finds too few codes, or lines of earlier orders
 * still waiting for the same offering, waits ({@code pending}, the customer told on the
 * timeline) or is refunded to the wallet, as the offering says. Waiting lines are filled in
 * order-number order as new codes arrive.
 */
@Service
public class CodeDelivery {

    static final String DELIVERED = "Codes delivered";
    static final String WAITING = "Waiting for new stock";
    static final String REFUNDED = "Out of stock: refunded to the wallet";

    private final OrderRepository orders;
    private final OrderBook book;
    private final CodeSupply codes;
    private final CatalogService catalog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Duration reservation;

    CodeDelivery(OrderRepository orders, OrderBook book, CodeSupply codes, CatalogService catalog, JdbcClient jdbc,
                 PlatformTransactionManager transactions,
                 @Value("${ordino.codes.reservation:PT15M}") Duration reservation) {
        this.orders = orders;
        this.book = book;
        this.codes = codes;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // each line in its own transaction, even when called inside one (the event listener's)
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reservation = reservation;
    }

    /** A checkout through a gateway: its digital lines hold their codes while the payment is open. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reserve(long orderId, List<OrderItemView> items, Instant now) {
        for (OrderItemView item : items) {
            if (item.kind() == OfferingKind.DIGITAL) {
                codes.reserve(item.productId(), orderId, item.id(), item.quantity(), now.plus(reservation));
            }
        }
    }

    /** The order was paid a moment ago (its row lock held): each digital line gets its codes, waits, or is refunded. */
    @Transactional(propagation = Propagation.MANDATORY)
    void deliver(CustomerOrder order, String actor) {
        boolean waits = false;
        for (OrderItem item : List.copyOf(order.getItems())) {
            if (item.getKind() != OfferingKind.DIGITAL || item.getStatus() != OrderStatus.PENDING) {
                continue;
            }
            // A line's own held codes are its own; free ones go to earlier waiting lines first.
            if (codes.sell(item.getOfferingId(), order.getId(), item.getId(), item.getQuantity(), !queued(item))) {
                book.moveItem(order, item, OrderStatus.COMPLETED, DELIVERED, actor);
                continue;
            }
            OfferingView offering = catalog.offering(item.getOfferingId()).orElse(null);
            if (offering == null || offering.whenOutOfStock() == WhenOutOfStock.REFUND) {
                book.settleItem(order, item, OrderStatus.CANCELLED, null, REFUNDED, actor);
            } else {
                waits = true;
                book.record(order, order.getStatus(), order.getStatus(), WAITING + ": " + item.getName(), actor);
            }
        }
        if (waits) {
            codes.release(order.getId()); // a waiting line holds nothing: stock arriving goes first come
        }
    }

    /**
     * New codes of an offering arrived: its paid lines still waiting get them, oldest order first,
     * each in its own transaction; stops at the first line the stock cannot fill. Answers how many
     * lines were filled.
     */
    public int fillWaiting(long offeringId, String actor) {
        int filled = 0;
        for (long[] line : waiting(offeringId, Long.MAX_VALUE, 500)) {
            Boolean done = transaction.execute(status -> {
                CustomerOrder order = orders.lockById(line[0]).orElse(null);
                OrderItem item = order == null ? null
                        : order.getItems().stream().filter(i -> i.getId() == line[1]).findFirst().orElse(null);
                if (item == null || item.getStatus() != OrderStatus.PENDING || order.getStatus() != OrderStatus.PENDING
                        || order.getPaymentStatus() != PaymentStatus.PAID) {
                    return true; // moved on meanwhile: the next one
                }
                if (!codes.sell(offeringId, order.getId(), item.getId(), item.getQuantity())) {
                    return false; // nothing was taken: selling is all or none
                }
                book.moveItem(order, item, OrderStatus.COMPLETED, DELIVERED, actor);
                return true;
            });
            if (!Boolean.TRUE.equals(done)) {
                break;
            }
            filled++;
        }
        return filled;
    }

    /** Whether a paid line of an earlier order waits for the same offering: first come, first served. */
    private boolean queued(OrderItem item) {
        return !waiting(item.getOfferingId(), item.getOrder().getId(), 1).isEmpty();
    }

    /** Paid digital lines still pending of open orders before the given order, oldest first: [orderId, itemId]. */
    private List<long[]> waiting(long offeringId, long beforeOrderId, int limit) {
        return jdbc.sql("SELECT o.id, it.id FROM customer_order o JOIN order_item it ON it.order_id = o.id "
                        + "WHERE o.status = :pending AND o.payment_status = :paid AND it.status = :pending AND it.kind = :kind "
                        + "AND it.offering_id = :offering AND o.id < :before ORDER BY o.id, it.id LIMIT :limit")
                .param("pending", OrderStatus.PENDING.key()).param("paid", PaymentStatus.PAID.key())
                .param("kind", OfferingKind.DIGITAL.name()).param("offering", offeringId).param("before", beforeOrderId)
                .param("limit", limit)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }
}
