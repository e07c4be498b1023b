package dev.ordino.base;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open pages that the thing they show (an order, a payment, by id) changed, once the
 * change is committed. In memory and per node: a page on another node learns of it at its next
 * refresh. Listeners run off the committing thread, so a slow page never holds up a request or a job.
 */
public final class LiveUpdates {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    private final Executor delivery;

    public LiveUpdates(String threadName) {
        this.delivery = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(threadName + "-", 0).factory());
    }

    /** Calls {@code listener} with the id after each committed change; close the returned handle to stop. */
    public AutoCloseable subscribe(long id, LongConsumer listener) {
        listeners.computeIfAbsent(id, key -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(id, (key, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** The thing with this id changed: listeners hear of it after the commit (at once outside a transaction). */
    public void changed(long id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notify(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                LiveUpdates.this.notify(id);
            }
        });
    }

    private void notify(long id) {
        Set<LongConsumer> set = listeners.get(id);
        if (set != null) {
            set.forEach(listener -> delivery.execute(() -> listener.accept(id)));
        }
    }
}
