package dev.ordino.payment.api;

import dev.ordino.base.api.ApiPage;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.Payments;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Gateway instances and payments, for staff and automation. */
@RestController
@Tag(name = "Admin: payments")
@SecurityRequirement(name = "bearer")
class AdminPaymentsApi {

    private final GatewayInstances gateways;
    private final Payments payments;

    AdminPaymentsApi(GatewayInstances gateways, Payments payments) {
        this.gateways = gateways;
        this.payments = payments;
    }

    @PostMapping("/v1/admin/gateways")
    @ResponseStatus(HttpStatus.CREATED)
    GatewayInstances.GatewayView create(@RequestBody GatewayInstances.GatewayForm form) {
        return gateways.create(form);
    }

    @GetMapping("/v1/admin/gateways")
    List<GatewayInstances.GatewayView> list() {
        return gateways.list();
    }

    @PutMapping("/v1/admin/gateways/{id}")
    GatewayInstances.GatewayView update(@PathVariable long id, @RequestBody GatewayInstances.GatewayForm form) {
        return gateways.update(id, form);
    }

    @GetMapping("/v1/admin/payments")
    List<Payments.PaymentView> search(@RequestParam(required = false) String status, @RequestParam(required = false) Long gateway,
                                      @RequestParam(required = false) String customer,
                                      @RequestParam(required = false) BigDecimal minAmount,
                                      @RequestParam(required = false) BigDecimal maxAmount,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var pageable = ApiPage.request(page, size);
        return payments.search(new Payments.Filter(status, gateway, customer, minAmount, maxAmount, from, to), pageable.getOffset(),
                pageable.getPageSize());
    }

    record PaymentDetail(Payments.PaymentView payment, List<Payments.EventView> events) {
    }

    @GetMapping("/v1/admin/payments/{id}")
    PaymentDetail one(@PathVariable long id) {
        return new PaymentDetail(payments.get(id), payments.events(id));
    }

    /** A manual transfer arrived: the payment becomes paid (wallet credited or order released). */
    @PostMapping("/v1/admin/payments/{id}/confirm")
    Payments.PaymentView confirm(@PathVariable long id, Authentication authentication) {
        return payments.confirmManual(id, ApiCaller.of(authentication).email());
    }
}
