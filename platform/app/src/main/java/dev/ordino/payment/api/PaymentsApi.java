package dev.ordino.payment.api;

import dev.ordino.base.DomainException;
import dev.ordino.base.api.ApiProblems;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.PaymentWebhooks;
import dev.ordino.payment.Payments;
import dev.ordino.payment.WebhookLimits;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Wallet top-ups for customers, and the endpoint gateways post their events to. */
@RestController
@Tag(name = "Payments")
class PaymentsApi {

    private final Payments payments;
    private final GatewayInstances gateways;
    private final PaymentWebhooks webhooks;
    private final WebhookLimits limits;

    PaymentsApi(Payments payments, GatewayInstances gateways, PaymentWebhooks webhooks, WebhookLimits limits) {
        this.payments = payments;
        this.gateways = gateways;
        this.webhooks = webhooks;
        this.limits = limits;
    }

    /** {@code gateway}: the gateway instance id (a number, or {@code "gateway:<id>"}). */
    record TopUpRequest(BigDecimal amount, Object gateway) {
    }

    record TopUp(long id, String status, String amount, String currency, String gateway, String redirectUrl, String qrString,
                 String instructions, String failureReason) {
    }

    @PostMapping("/v1/wallet/top-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirement(name = "bearer")
    TopUp start(@RequestBody TopUpRequest request, Authentication authentication) {
        ApiCaller caller = ApiCaller.of(authentication);
        return topUp(payments.startTopUp(caller.id(), caller.email(), request.amount(), gatewayId(request.gateway())));
    }

    @GetMapping("/v1/wallet/top-ups/{id}")
    @SecurityRequirement(name = "bearer")
    TopUp one(@PathVariable long id, Authentication authentication) {
        Payments.PaymentView payment = payments.myPayment(ApiCaller.of(authentication).id(), id);
        if (payment.orderId() != null) {
            throw DomainException.notFound("payment_not_found", "No such top-up");
        }
        return topUp(payment);
    }

    /**
     * What gateways call. 2xx once the event is stored and applied; 400 malformed; 401 bad signature;
     * 429 for an address sending too much, checked before the body is looked at. The body limit
     * (413) is {@link dev.ordino.base.api.BodyLimits}'.
     */
    @PostMapping("/v1/payments/{gatewayInstanceId}/webhook")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The gateway's notification, as it signed it")
    ResponseEntity<?> webhook(@PathVariable long gatewayInstanceId, HttpServletRequest request) throws IOException {
        if (!gateways.exists(gatewayInstanceId)) {
            return ApiProblems.problem(404, "gateway_not_found", "No such payment gateway", null);
        }
        if (!limits.admitSender(request.getRemoteAddr())) {
            return ApiProblems.problem(429, "too_many_requests", "Too many notifications; slow down", null);
        }
        // Read only once the sender is admitted; the body limit stops the reading at 1 MiB.
        byte[] body = request.getInputStream().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        PaymentWebhooks.Outcome outcome = webhooks.handle(gatewayInstanceId, headers, body);
        if (outcome.status() >= 400) {
            return ApiProblems.problem(outcome.status(), outcome.code(), outcome.detail(), null);
        }
        return ResponseEntity.ok(Map.of("received", true, "result", outcome.code()));
    }

    private static Long gatewayId(Object gateway) {
        if (gateway == null) {
            return null;
        }
        String text = gateway.toString().strip();
        if (text.startsWith("gateway:")) {
            text = text.substring("gateway:".length());
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw DomainException.badRequest("unknown_gateway", "gateway", "gateway must be a gateway id");
        }
    }

    static TopUp topUp(Payments.PaymentView p) {
        return new TopUp(p.id(), p.status(), p.amount().toPlainString(), p.currency(), p.gatewayName(), p.redirectUrl(),
                p.qrString(), p.instructions(), p.failureReason());
    }
}
