package dev.ordino.plugin.api;

import java.util.List;
import java.util.Map;

/**
 * An upstream SMM panel that fulfils service orders. Failures are typed
 * ({@link ProviderException}) so the host knows whether a retry could double-submit.
 */
public interface SmmProvider extends OrdinoExtension {

    /** Most refs {@link #statuses} accepts in one call. */
    int MAX_STATUS_BATCH = 100;

    /** The provider's service list, for import and price sync. */
    List<ProviderService> services(HostContext context) throws ProviderException;

    /** Places one order; the answer carries the provider's order reference. */
    ProviderOrderRef placeOrder(HostContext context, ProviderOrderRequest request) throws ProviderException;

    /** Status of up to {@link #MAX_STATUS_BATCH} orders, by provider reference. */
    Map<String, ProviderOrderStatus> statuses(HostContext context, List<String> refs) throws ProviderException;

    /** Asks for a refill; answers the provider's refill id. */
    String refill(HostContext context, String ref) throws ProviderException;

    /** Status of a refill, as the provider words it (e.g. "Completed"). */
    String refillStatus(HostContext context, String refillId) throws ProviderException;

    /** Asks to cancel orders; answers, per ref, whether the provider accepted. */
    Map<String, Boolean> cancel(HostContext context, List<String> refs) throws ProviderException;

    /** Our balance at the provider. */
    ProviderBalance balance(HostContext context) throws ProviderException;

    /**
     * Whether this provider only pretends: it places nothing anywhere and makes its orders progress
     * on its own (a demo). The host configures a simulated provider for a demo shop on its first
     * start and never suggests one for a real provider.
     *
     * @since 1.2.0
     */
    default boolean simulated() {
        return false;
    }
}
