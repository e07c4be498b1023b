package dev.ordino.ordering.api;

import dev.ordino.base.DomainException;
import dev.ordino.base.api.ApiPage;
import dev.ordino.base.api.IdempotencyKey;
import dev.ordino.ordering.GatewayRefunds;
import dev.ordino.ordering.OrderAdminService;
import dev.ordino.ordering.OrderFilter;
import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PaymentStatus;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff: all orders, status changes, refunds, marking paid. */
@RestController
@RequestMapping("/v1/admin/orders")
@Tag(name = "Admin: orders")
@SecurityRequirement(name = "bearer")
class AdminOrdersApi {

    private final OrderAdminService orders;
    private final OrderResponses responses;

    private final GatewayRefunds gatewayRefunds;

    AdminOrdersApi(OrderAdminService orders, OrderResponses responses,
                   GatewayRefunds gatewayRefunds) {
        this.gatewayRefunds = gatewayRefunds;
        this.orders = orders;
        this.responses = responses;
    }

    record StatusRequest(String status, String reason) {
    }

    /** {@code to}: {@code wallet} (default) or {@code gateway}, back through the gateway that took the money. */
    record RefundRequest(BigDecimal amount, String reason, String to) {
    }

    record RefundResponse(long orderId, String amount, int sequence, String paymentStatus, String refunded) {
    }

    @GetMapping
    ApiPage<OrderResponses.AdminOrder> search(@RequestParam(required = false) String status,
                                              @RequestParam(required = false) String paymentStatus,
                                              @RequestParam(required = false) String customer,
                                              @RequestParam(required = false) Long product,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        OrderFilter filter = new OrderFilter(status == null || status.isBlank() ? Set.of() : Set.of(OrderStatus.parse(status)),
                paymentStatus == null || paymentStatus.isBlank() ? null : PaymentStatus.parse(paymentStatus),
                customer, product, from, to);
        return ApiPage.of(orders.search(filter, ApiPage.request(page, size)), responses::admin);
    }

    @PostMapping("/{id}/status")
    OrderResponses.AdminOrder status(@PathVariable long id, @RequestBody StatusRequest request, Authentication authentication) {
        if (request.status() == null) {
            throw DomainException.badRequest("invalid_status", "status", "status is required");
        }
        orders.changeStatus(id, OrderStatus.parse(request.status()), request.reason(), ApiCaller.of(authentication).email());
        return responses.admin(orders.order(id));
    }

    @PostMapping("/{id}/mark-paid")
    OrderResponses.AdminOrder markPaid(@PathVariable long id, Authentication authentication) {
        orders.markPaid(id, ApiCaller.of(authentication).email());
        return responses.admin(orders.order(id));
    }

    @PostMapping("/{id}/refunds")
    ResponseEntity<RefundResponse> refund(@PathVariable long id, @RequestBody RefundRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          Authentication authentication) {
        key = IdempotencyKey.of(key);
        String to = request.to() == null || request.to().isBlank() ? "wallet" : request.to().strip();
        var result = switch (to) {
            case "wallet" -> orders.refund(id, request.amount(), request.reason(), ApiCaller.of(authentication).email(), key);
            case "gateway" -> gatewayRefunds.refund(id, request.amount(), request.reason(),
                    ApiCaller.of(authentication).email(), key);
            default -> throw DomainException.badRequest("invalid_refund_target", "to", "to must be wallet or gateway");
        };
        var order = orders.order(id);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RefundResponse(id, responses.money(result.amount()), result.sequence(),
                        order.paymentStatus().key(), responses.money(order.refundedAmount())));
    }
}
