package dev.ordino.ordering;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open order pages that their order changed, once the change is committed. In-memory and
 * per node: a page on another node learns of the change at its next refresh.
 */
@Component
public class OrderUpdates {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    /** Listeners run off the committing thread: a slow page never holds up a request or a job. */
    private final java.util.concurrent.Executor delivery = java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("order-updates-", 0).factory());

    /** Calls {@code listener} with the order id after each committed change; close the returned handle to stop. */
    public AutoCloseable subscribe(long orderId, LongConsumer listener) {
        listeners.computeIfAbsent(orderId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(orderId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    // Plain listeners that defer to after the commit themselves: a @TransactionalEventListener would
    // be recorded in the event publication registry, which is for work that must not be lost, and
    // marking it complete would need a second database connection while the first is still held.
    @EventListener
    void on(OrderStatusChanged event) {
        afterCommit(event.orderId());
    }

    @EventListener
    void on(RefundIssued event) {
        afterCommit(event.orderId());
    }

    @EventListener
    void on(OrderPaid event) {
        afterCommit(event.orderId());
    }

    private void afterCommit(long orderId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notify(orderId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                OrderUpdates.this.notify(orderId);
            }
        });
    }

    private void notify(long orderId) {
        Set<LongConsumer> set = listeners.get(orderId);
        if (set != null) {
            set.forEach(listener -> delivery.execute(() -> listener.accept(orderId)));
        }
    }
}
