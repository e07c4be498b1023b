package dev.ordino.fulfilment;

import dev.ordino.ordering.OrderPaid;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts paid lines of provider-backed offerings into {@code provider_order}, where the senders
 * find them. Two ways in, both idempotent (one row per line, {@code INSERT IGNORE}):
 * <ul>
 *   <li>the paid event, from the event publication registry: stored with the payment, replayed
 *       after a crash ({@code dev.ordino.base.events.PublicationReplay});</li>
 *   <li>the sweep, a safety net for anything the event missed: a paid line still pending, of an
 *       offering with an enabled provider, that has no row at all.</li>
 * </ul>
 * Only rows are written here; sending happens from the database, so a crash loses nothing.
 */
@Component
class ProviderQueue {

    private static final Logger log = LoggerFactory.getLogger(ProviderQueue.class);
    private static final int SWEEP_ORDERS = 500;

    private final ProviderSubmission submission;
    private final ProviderSenders senders;
    private final JdbcClient jdbc;

    ProviderQueue(ProviderSubmission submission, ProviderSenders senders, JdbcClient jdbc) {
        this.submission = submission;
        this.senders = senders;
        this.jdbc = jdbc;
    }

    /** A paid order: its provider-backed lines are queued, and sent once this commits. */
    @ApplicationModuleListener
    void on(OrderPaid event) {
        if (!submission.enqueue(event.orderId()).isEmpty()) {
            senders.wake();
        }
    }

    /** Queues every paid line that should have a provider order and has none. Answers how many were queued. */
    int sweep() {
        int queued = 0;
        while (true) {
            List<Long> orderIds = jdbc.sql("SELECT DISTINCT o.id FROM customer_order o JOIN order_item it ON it.order_id = o.id "
                            + "WHERE o.status IN ('pending', 'processing', 'in_progress') AND o.payment_status = 'paid' AND it.status = 'pending' AND it.kind = 'SERVICE' "
                            + "AND NOT EXISTS (SELECT 1 FROM provider_order p WHERE p.item_id = it.id) "
                            + "AND EXISTS (SELECT 1 FROM offering_provider m JOIN provider_instance i ON i.id = m.instance_id "
                            + "WHERE m.offering_id = it.offering_id AND m.vanished = 0 AND i.enabled = 1) "
                            + "ORDER BY o.id LIMIT " + SWEEP_ORDERS)
                    .query(Long.class).list();
            int round = 0;
            for (long orderId : orderIds) {
                round += submission.enqueue(orderId).size();
            }
            queued += round;
            if (orderIds.size() < SWEEP_ORDERS || round == 0) {
                break;
            }
        }
        if (queued > 0) {
            log.warn("Provider sweep queued {} paid line(s) that had no provider order", queued);
            senders.wake();
        }
        return queued;
    }
}
