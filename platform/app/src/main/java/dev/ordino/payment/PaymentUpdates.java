package dev.ordino.payment;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Tells open top-up pages that their payment changed, once the change is committed. In memory, per node. */
@Component
public class PaymentUpdates {

    private final Map<Long, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    private final Executor delivery = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("payment-updates-", 0).factory());

    /** Calls {@code listener} with the payment id after each committed change; close the handle to stop. */
    public AutoCloseable subscribe(long paymentId, LongConsumer listener) {
        listeners.computeIfAbsent(paymentId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(paymentId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void changed(long paymentId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notify(paymentId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                PaymentUpdates.this.notify(paymentId);
            }
        });
    }

    private void notify(long paymentId) {
        Set<LongConsumer> set = listeners.get(paymentId);
        if (set != null) {
            set.forEach(listener -> delivery.execute(() -> listener.accept(paymentId)));
        }
    }
}
