package dev.ordino.stock.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ordino.base.DomainException;
import dev.ordino.base.api.ApiPage;
import dev.ordino.security.ApiCaller;
import dev.ordino.stock.CodeState;
import dev.ordino.stock.CodeStock;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff: the code stock of digital products. Uploads take JSON or plain-text lines of at most
 * 5 MiB (refused with 413 before they are read); codes are answered masked, except by the
 * audited reveal.
 */
@RestController
@RequestMapping("/v1/admin")
@Tag(name = "Admin: code stock")
@SecurityRequirement(name = "bearer")
class AdminStockApi {

    private final CodeStock stock;

    AdminStockApi(CodeStock stock) {
        this.stock = stock;
    }

    record CodesRequest(List<String> codes) {
    }

    record StockResponse(long available, long reserved, long sold, @JsonProperty("void") long voided) {
    }

    record CodeResponse(long id, String code, String state, Long orderId) {
    }

    record Revealed(long id, String code) {
    }

    @PostMapping(path = "/products/{id}/codes", consumes = MediaType.APPLICATION_JSON_VALUE)
    CodeStock.UploadReport uploadJson(@PathVariable long id, @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestBody CodesRequest request, Authentication authentication) {
        if (request == null || request.codes() == null) {
            throw DomainException.badRequest("codes_required", "codes", "Send {\"codes\": [...]} or text/plain lines");
        }
        List<String> lines = new ArrayList<>(request.codes().size());
        request.codes().forEach(code -> lines.add(code == null ? "" : code));
        return stock.upload(id, lines, dryRun, ApiCaller.of(authentication).email());
    }

    @PostMapping(path = "/products/{id}/codes", consumes = MediaType.TEXT_PLAIN_VALUE)
    CodeStock.UploadReport uploadText(@PathVariable long id, @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestBody byte[] body, Authentication authentication) {
        return stock.upload(id, new String(body, StandardCharsets.UTF_8).lines().toList(), dryRun,
                ApiCaller.of(authentication).email());
    }

    @GetMapping("/products/{id}/stock")
    StockResponse stock(@PathVariable long id) {
        CodeStock.Counts counts = stock.counts(id);
        return new StockResponse(counts.available(), counts.reserved(), counts.sold(), counts.voided());
    }

    @GetMapping("/products/{id}/codes")
    List<CodeResponse> codes(@PathVariable long id, @RequestParam(required = false) String state,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var request = ApiPage.request(page, size);
        CodeState wanted;
        try {
            wanted = state == null || state.isBlank() ? null : CodeState.parse(state);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("invalid_state", "state", "state must be available, reserved, sold or void");
        }
        stock.counts(id); // 404 for an unknown product, 409 for one without codes
        return stock.codes(id, wanted, request.getOffset(), request.getPageSize()).stream()
                .map(c -> new CodeResponse(c.id(), c.masked(), c.state().key(), c.orderId())).toList();
    }

    /** The code in full; when it was sold, written to the audit log. */
    @PostMapping("/codes/{id}/reveal")
    Revealed reveal(@PathVariable long id, Authentication authentication) {
        return new Revealed(id, stock.reveal(id, ApiCaller.of(authentication).email()));
    }

    /** Voids a code; a sold one is replaced for its order from the available stock (409 {@code out_of_stock} without one). */
    @PostMapping("/codes/{id}/void")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void voidCode(@PathVariable long id, Authentication authentication) {
        stock.voidCode(id, ApiCaller.of(authentication).email());
    }
}
