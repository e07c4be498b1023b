package dev.ordino.base.live;

import java.util.Collection;
import java.util.function.Consumer;

/**
 * Carries committed changes to the other nodes, so their open pages hear of them too. Chosen by
 * {@code ORDINO_LIVE_UPDATES} (decision 010): {@code database} (the default) or {@code local}
 * (this node only). A broker would be one more implementation of this interface.
 */
public interface ChangeFeed {

    /**
     * Records changes for the other nodes. Called inside the transaction that made them, just before
     * it commits, so a change and its record commit together or not at all.
     */
    void publish(Collection<Change> changes);

    /** Starts handing changes made on other nodes to {@code receiver} (never this node's own). */
    void start(Consumer<Change> receiver);

    void stop();

    /** Only this node's pages hear of its changes. */
    ChangeFeed LOCAL = new ChangeFeed() {
        @Override
        public void publish(Collection<Change> changes) {
        }

        @Override
        public void start(Consumer<Change> receiver) {
        }

        @Override
        public void stop() {
        }
    };
}
