package dev.ordino.fulfilment;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.ordino.base.config.ShutdownOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A few threads that send queued lines as soon as they are queued, so an order reaches its
 * provider within seconds instead of at the next run of the due-line job. They are woken, never
 * handed lines: each wake-up claims whatever is due from {@code provider_order}, so nothing to
 * be sent lives only in this pool and a crash loses nothing. At most as many looks wait as there
 * are threads (a waiting one will see every row committed before it starts); more are dropped.
 */
@Component
class ProviderSenders implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderSenders.class);

    private final ProviderSubmission submission;
    private final ThreadPoolExecutor pool;
    private volatile boolean running;

    ProviderSenders(ProviderSubmission submission, @Value("${ordino.providers.senders:4}") int threads) {
        this.submission = submission;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(threads), task -> {
            Thread thread = new Thread(task, "provider-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Sends what is due, soon; after the current transaction commits when there is one. */
    void wake() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeNow();
                }
            });
        } else {
            wakeNow();
        }
    }

    /** Every thread looks: each claims one line at a time, so the due lines are sent side by side. */
    private void wakeNow() {
        for (int i = 0; i < pool.getMaximumPoolSize() && !pool.isShutdown(); i++) {
            pool.execute(this::sendDue);
        }
    }

    private void sendDue() {
        try {
            submission.submitDue(() -> !pool.isShutdown());
        } catch (RuntimeException e) {
            // The rows stay in the database; the due-line job or the next wake-up picks them up.
            log.warn("Sending due provider lines failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Stops taking wake-ups and claiming lines, and lets calls in flight finish, in the phase of the
     * background work: before the plugins stop. (Stopped as a bean is destroyed, after the plugins,
     * a sender would find its provider's plugin gone and store that as the provider failing.)
     * Lines not claimed yet stay queued for the next start or another node.
     */
    @Override
    public void stop() {
        running = false;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
                log.warn("Provider senders still busy at shutdown; lines being sent are settled after the restart");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A pool shut down does not restart: test contexts paused between test classes must not stop it. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return ShutdownOrder.BACKGROUND_WORK_PHASE;
    }
}
