package dev.ordino.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The code stock of digital offerings, as ordering needs it, offered by the stock module without
 * ordering depending on it. Every call runs inside the caller's transaction, which holds the
 * order's row lock, so a code changes hands together with the payment or status change that
 * caused it.
 */
public interface CodeSupply {

    /**
     * Holds {@code count} codes of the offering for a line awaiting its payment, until
     * {@code until}; all or none. Answers whether they are held.
     */
    boolean reserve(long offeringId, long orderId, long itemId, long count, Instant until);

    /**
     * Sells a line its codes: those it holds first, then (with {@code takeFree}) free ones, rows
     * nobody else has locked; all or none. A line that has its codes already gets none more.
     * Answers whether the line now has its codes.
     */
    boolean sell(long offeringId, long orderId, long itemId, long count, boolean takeFree);

    /** {@link #sell(long, long, long, long, boolean)} taking free codes too. */
    default boolean sell(long offeringId, long orderId, long itemId, long count) {
        return sell(offeringId, orderId, itemId, count, true);
    }

    /** Lets go of the codes an order holds and has not bought; lines waiting for them get them next. */
    void release(long orderId);

    /** The codes sold to each line of an order (by item id), readable: for the order's owner only. */
    Map<Long, List<String>> sold(long orderId);
}
