package dev.ordino.reseller.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.reseller.MassOrders;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mass orders: {@code service_id|link|quantity} per line. A dry run (or any line that fails) answers
 * 200 with every line's verdict and places nothing; otherwise 201 with one order per line, all paid
 * from the wallet in one transaction. A repeat with the same {@code Idempotency-Key} answers 200 with
 * the same orders.
 */
@RestController
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class MassOrdersApi {

    private final MassOrders massOrders;
    private final StoreCurrency currency;

    MassOrdersApi(MassOrders massOrders, StoreCurrency currency) {
        this.massOrders = massOrders;
        this.currency = currency;
    }

    record MassRequest(String text, Boolean dryRun) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Line(int line, boolean ok, String code, String error) {
    }

    record PlacedOrder(long id, String number, String total) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MassAnswer(List<Line> lines, String total, String currency, List<PlacedOrder> orders) {
    }

    @PostMapping("/v1/orders/mass")
    ResponseEntity<MassAnswer> mass(@RequestBody MassRequest request,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    Authentication authentication) {
        ApiCaller caller = ApiCaller.of(authentication);
        MassOrders.Result result = Boolean.FALSE.equals(request.dryRun())
                ? massOrders.place(caller.id(), caller.email(), request.text(), key)
                : massOrders.preview(caller.id(), request.text());
        List<Line> lines = result.lines().stream().map(l -> new Line(l.line(), l.ok(), l.code(), l.error())).toList();
        List<PlacedOrder> orders = result.orders() == null ? null
                : result.orders().stream().map(o -> new PlacedOrder(o.id(), o.number(), currency.format(o.total()))).toList();
        MassAnswer answer = new MassAnswer(lines, currency.format(result.total()), currency.code(), orders);
        return ResponseEntity.status(result.placed() && result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer);
    }
}
