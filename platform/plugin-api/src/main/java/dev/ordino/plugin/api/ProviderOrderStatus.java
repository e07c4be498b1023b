package dev.ordino.plugin.api;

import java.math.BigDecimal;

/**
 * Status of one provider order.
 *
 * @param state     normalised state
 * @param startCount count at start, if the provider says
 * @param remains   units not delivered, if the provider says
 * @param charge    what the provider charged, in its currency, if it says
 * @param error     the provider's error for this ref, or {@code null}
 */
public record ProviderOrderStatus(State state, Long startCount, Long remains, BigDecimal charge, String error) {

    public enum State { PENDING, IN_PROGRESS, PROCESSING, COMPLETED, PARTIAL, CANCELED, UNKNOWN }
}
