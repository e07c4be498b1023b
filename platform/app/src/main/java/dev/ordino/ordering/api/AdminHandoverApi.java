package dev.ordino.ordering.api;

import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderView;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff: accepting and rejecting orders with products, and seeing them to the customer. */
@RestController
@RequestMapping("/v1/admin")
@Tag(name = "Admin: pickup and delivery")
@SecurityRequirement(name = "bearer")
class AdminHandoverApi {

    private final Handovers handovers;
    private final OrderAdminService orders;
    private final OrderResponses responses;

    AdminHandoverApi(Handovers handovers, OrderAdminService orders, OrderResponses responses) {
        this.handovers = handovers;
        this.orders = orders;
        this.responses = responses;
    }

    record RejectRequest(String reason) {
    }

    record HandoverRequest(String code) {
    }

    @PostMapping("/orders/{id}/accept")
    OrderResponses.AdminOrder accept(@PathVariable long id, Authentication authentication) {
        return answer(handovers.accept(id, ApiCaller.of(authentication).email()));
    }

    @PostMapping("/orders/{id}/reject")
    OrderResponses.AdminOrder reject(@PathVariable long id, @RequestBody(required = false) RejectRequest request, Authentication authentication) {
        return answer(handovers.reject(id, request == null ? null : request.reason(), ApiCaller.of(authentication).email()));
    }

    @PostMapping("/orders/{id}/ready")
    OrderResponses.AdminOrder ready(@PathVariable long id, Authentication authentication) {
        return answer(handovers.ready(id, ApiCaller.of(authentication).email()));
    }

    @PostMapping("/orders/{id}/sent")
    OrderResponses.AdminOrder sent(@PathVariable long id, Authentication authentication) {
        return answer(handovers.sent(id, ApiCaller.of(authentication).email()));
    }

    @PostMapping("/orders/{id}/delivered")
    OrderResponses.AdminOrder delivered(@PathVariable long id, Authentication authentication) {
        return answer(handovers.delivered(id, ApiCaller.of(authentication).email()));
    }

    /** The order whose booking code the customer showed, now completed; 409 when not ready or already handed over. */
    @PostMapping("/handover")
    OrderResponses.AdminOrder handOver(@RequestBody HandoverRequest request, Authentication authentication) {
        return answer(handovers.handOver(request == null ? null : request.code(), ApiCaller.of(authentication).email()));
    }

    private OrderResponses.AdminOrder answer(OrderView changed) {
        return responses.admin(orders.order(changed.id()), responses.fulfilment(handovers.of(changed.id()).orElse(null), null));
    }
}
