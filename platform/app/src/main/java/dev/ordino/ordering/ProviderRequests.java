package dev.ordino.ordering;

/**
 * What a customer may ask the provider of a running order for (refill, cancellation),
 * offered by the fulfilment module to the order page without ordering depending on it.
 */
public interface ProviderRequests {

    /** Whether a refill and a cancellation request are possible now, and the last refill's status. */
    record Options(boolean refill, boolean cancel, String lastRefillStatus) {
    }

    Options options(long customerId, long orderId);

    void refill(long customerId, long orderId, String actor);

    void requestCancel(long customerId, long orderId, String actor);
}
