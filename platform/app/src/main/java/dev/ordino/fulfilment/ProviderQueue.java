package dev.ordino.fulfilment;

import dev.ordino.ordering.OrderFulfilment;
import dev.ordino.ordering.OrderPaid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
    private static final int SWEEP_LINES = 500;

    private final ProviderSubmission submission;
    private final ProviderSenders senders;
    private final OrderFulfilment orders;
    private final JdbcClient jdbc;

    ProviderQueue(ProviderSubmission submission, ProviderSenders senders, OrderFulfilment orders, JdbcClient jdbc) {
        this.submission = submission;
        this.senders = senders;
        this.orders = orders;
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
        long afterOrder = 0;
        long afterItem = 0;
        while (true) {
            List<OrderFulfilment.WaitingLine> lines = orders.waitingLines(afterOrder, afterItem, SWEEP_LINES);
            if (lines.isEmpty()) {
                break;
            }
            afterOrder = lines.getLast().orderId();
            afterItem = lines.getLast().itemId();
            for (long orderId : unqueued(lines)) {
                queued += submission.enqueue(orderId).size();
            }
            if (lines.size() < SWEEP_LINES) {
                break;
            }
        }
        if (queued > 0) {
            log.warn("Provider sweep queued {} paid line(s) that had no provider order", queued);
            senders.wake();
        }
        return queued;
    }

    /** The orders of lines that have no provider order although an enabled provider is mapped to their offering. */
    private Set<Long> unqueued(List<OrderFulfilment.WaitingLine> lines) {
        Set<Long> queued = new HashSet<>(jdbc.sql("SELECT item_id FROM provider_order WHERE item_id IN (:ids)")
                .param("ids", lines.stream().map(OrderFulfilment.WaitingLine::itemId).toList()).query(Long.class).list());
        Set<Long> routed = new HashSet<>(jdbc.sql("SELECT DISTINCT m.offering_id FROM offering_provider m JOIN provider_instance i "
                        + "ON i.id = m.instance_id WHERE m.offering_id IN (:ids) AND m.vanished = 0 AND i.enabled = 1")
                .param("ids", lines.stream().map(OrderFulfilment.WaitingLine::offeringId).distinct().toList()).query(Long.class).list());
        return lines.stream().filter(line -> !queued.contains(line.itemId()) && routed.contains(line.offeringId()))
                .map(OrderFulfilment.WaitingLine::orderId).collect(Collectors.toCollection(TreeSet::new));
    }
}
