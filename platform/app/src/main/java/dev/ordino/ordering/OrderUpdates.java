package dev.ordino.ordering;

import dev.ordino.base.live.LiveUpdates;
import java.util.function.LongConsumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells open order pages, on this node and the others, that their order changed, once the change
 * is committed (see {@link LiveUpdates}).
 */
@Component
public class OrderUpdates {

    static final String TOPIC = "order";

    private final LiveUpdates updates;

    OrderUpdates(LiveUpdates updates) {
        this.updates = updates;
    }

    /** Calls {@code listener} with the order id after each committed change; close the returned handle to stop. */
    public AutoCloseable subscribe(long orderId, LongConsumer listener) {
        return updates.subscribe(TOPIC, orderId, listener);
    }

    // Plain listeners that defer to the commit themselves: a @TransactionalEventListener would
    // be recorded in the event publication registry, which is for work that must not be lost, and
    // marking it complete would need a second database connection while the first is still held.
    @EventListener
    void on(OrderStatusChanged event) {
        updates.changed(TOPIC, event.orderId());
    }

    @EventListener
    void on(RefundIssued event) {
        updates.changed(TOPIC, event.orderId());
    }

    @EventListener
    void on(HandoverMoved event) {
        updates.changed(TOPIC, event.orderId());
    }

    @EventListener
    void on(OrderPaid event) {
        updates.changed(TOPIC, event.orderId());
    }
}
