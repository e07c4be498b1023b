package dev.ordino.base.live;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open pages that the thing they show (an order, a payment: a topic and an id) changed, once
 * the change is committed. Pages on this node hear of it right after the commit; pages on other
 * nodes through the {@link ChangeFeed} within about a second (decision 010). Listeners run off the
 * committing thread and off the feed's thread, so a slow page never holds up a request, a job or
 * the feed.
 */
@Component
@NamedInterface("live")
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final Map<Change, Set<LongConsumer>> listeners = new ConcurrentHashMap<>();
    private final Executor delivery = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("live-updates-", 0).factory());
    private final ChangeFeed feed;
    private volatile boolean running;

    LiveUpdates(ChangeFeed feed) {
        this.feed = feed;
    }

    /** Calls {@code listener} with the id after each committed change of it; close the returned handle to stop. */
    public AutoCloseable subscribe(String topic, long id, LongConsumer listener) {
        Change key = new Change(topic, id);
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * The thing changed. Inside a transaction, the change is recorded for the other nodes as the
     * transaction commits (once per thing, however often it changed) and this node's pages hear of
     * it after the commit; outside one, both at once.
     */
    public void changed(String topic, long id) {
        Change change = new Change(topic, id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().changes.add(change);
            return;
        }
        try {
            feed.publish(List.of(change));
        } catch (RuntimeException e) {
            // The change itself is committed already; only other nodes' pages miss it until they reload.
            log.warn("Could not record a change of {} {} for the other nodes: {}", topic, id, e.getMessage());
        }
        deliver(change);
    }

    /** Hands a change to this node's listeners of it. */
    private void deliver(Change change) {
        Set<LongConsumer> set = listeners.get(change);
        if (set != null) {
            set.forEach(listener -> delivery.execute(() -> listener.accept(change.id())));
        }
    }

    /** The transaction's own collection of changes (a nested, suspended transaction keeps its own). */
    private Pending pending() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Pending p && p.owner() == this) {
                return p;
            }
        }
        Pending p = new Pending();
        TransactionSynchronizationManager.registerSynchronization(p);
        return p;
    }

    private final class Pending implements TransactionSynchronization {

        final Set<Change> changes = new LinkedHashSet<>();

        LiveUpdates owner() {
            return LiveUpdates.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            feed.publish(changes);
        }

        @Override
        public void afterCommit() {
            changes.forEach(LiveUpdates.this::deliver);
        }
    }

    @Override
    public void start() {
        feed.start(this::deliver);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        feed.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
