package dev.ordino.ordering;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open order pages that their order changed, once the change is committed. In-memory and
 * per node: a page on another node learns of the change at its next refresh.
 */
@Component
public class OrderUpdates {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();

    /** Calls {@code listener} with the order id after each committed change; close the returned handle to stop. */
    public AutoCloseable subscribe(long orderId, LongConsumer listener) {
        listeners.computeIfAbsent(orderId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(orderId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrderStatusChanged event) {
        notify(event.orderId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(RefundIssued event) {
        notify(event.orderId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrderPaid event) {
        notify(event.orderId());
    }

    private void notify(long orderId) {
        Set<LongConsumer> set = listeners.get(orderId);
        if (set != null) {
            set.forEach(listener -> listener.accept(orderId));
        }
    }
}
