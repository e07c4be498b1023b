package dev.ordino.fulfilment.api;

import dev.ordino.fulfilment.ProviderOrders;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's refill and cancellation requests for orders running at a provider. */
@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class ProviderOrderActionsApi {

    private final ProviderOrders providerOrders;

    ProviderOrderActionsApi(ProviderOrders providerOrders) {
        this.providerOrders = providerOrders;
    }

    record Requested(long orderId, String request, String status, String refillId) {
    }

    /** 200 once the provider took the refill; 409 {@code refill_not_available} when the service or the order does not allow it. */
    @PostMapping("/v1/orders/{id}/refill")
    Requested refill(@PathVariable long id, Authentication authentication) {
        ApiCaller caller = ApiCaller.of(authentication);
        return new Requested(id, "refill", "requested", providerOrders.refillNow(caller.id(), id, caller.email()));
    }

    /** 200 once the provider took the request; the refund follows when it reports the order cancelled. */
    @PostMapping("/v1/orders/{id}/cancel-request")
    Requested cancel(@PathVariable long id, Authentication authentication) {
        ApiCaller caller = ApiCaller.of(authentication);
        providerOrders.requestCancel(caller.id(), id, caller.email());
        return new Requested(id, "cancel", "requested", null);
    }
}
