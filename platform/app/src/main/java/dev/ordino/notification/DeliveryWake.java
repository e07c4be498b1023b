package dev.ordino.notification;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a delivery round on this node as soon as new rows are committed, so a notification leaves
 * within moments rather than at the next period of the job. Only a shortcut: the job's period
 * (on every node) is what guarantees delivery, so a wake lost with a crash loses nothing.
 */
@Component
class DeliveryWake {

    private final ObjectProvider<DeliveryJob> job;
    private final TaskExecutor executor;
    private final Duration retryWindow;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    DeliveryWake(ObjectProvider<DeliveryJob> job, @Qualifier(NotificationConfiguration.EXECUTOR) TaskExecutor executor,
                 @Value("${ordino.notifications.retry-for:PT24H}") Duration retryWindow) {
        this.job = job;
        this.executor = executor;
        this.retryWindow = retryWindow;
    }

    /** How long a notification is retried before it is given up ({@code dead}). */
    Duration retryWindow() {
        return retryWindow;
    }

    /** Wakes the job once the current transaction commits (at once without one). */
    void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    now();
                }
            });
        } else {
            now();
        }
    }

    /** One round at a time per node; a wake during a round asks for one more round after it. */
    void now() {
        again.set(true);
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    while (again.getAndSet(false)) {
                        job.getObject().sendDue();
                    }
                } finally {
                    queued.set(false);
                    if (again.get()) {
                        now();
                    }
                }
            });
        } catch (RuntimeException e) {
            queued.set(false); // shutting down: the job's next period, here or on another node, sends them
        }
    }
}
