package dev.ordino.wallet.api;

import dev.ordino.base.api.ApiPage;
import dev.ordino.base.api.IdempotencyKey;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.security.ApiCaller;
import dev.ordino.wallet.LedgerEntry;
import dev.ordino.wallet.WalletService;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Wallet")
@SecurityRequirement(name = "bearer")
class WalletApi {

    private final WalletService wallet;
    private final StoreCurrency currency;

    WalletApi(WalletService wallet, StoreCurrency currency) {
        this.wallet = wallet;
        this.currency = currency;
    }

    record Balance(String balance, String currency) {
    }

    record Transaction(long id, String type, String amount, String balanceAfter, String reference, Instant createdAt) {
    }

    record AdjustmentRequest(BigDecimal amount, String reason) {
    }

    record AdjustmentResponse(long id, long userId, String amount, String balanceAfter, String reference, String reason) {
    }

    @GetMapping("/v1/wallet")
    Balance balance(Authentication authentication) {
        return new Balance(currency.format(wallet.balance(ApiCaller.of(authentication).id())), currency.code());
    }

    @GetMapping("/v1/wallet/transactions")
    ApiPage<Transaction> transactions(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                      Authentication authentication) {
        return ApiPage.of(wallet.transactions(ApiCaller.of(authentication).id(), ApiPage.request(page, size)), this::transaction);
    }

    /** A staff adjustment: positive credits, negative debits; 409 insufficient_balance if it would go below zero. */
    @PostMapping("/v1/admin/users/{id}/wallet-adjustments")
    ResponseEntity<AdjustmentResponse> adjust(@PathVariable long id, @RequestBody AdjustmentRequest request,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              Authentication authentication) {
        var result = wallet.adjust(id, request.amount(), request.reason(), ApiCaller.of(authentication).email(), IdempotencyKey.of(key));
        LedgerEntry entry = result.entry();
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new AdjustmentResponse(result.adjustmentId(), id, currency.format(entry.amount()),
                        currency.format(entry.balanceAfter()), entry.reference(), entry.description()));
    }

    private Transaction transaction(LedgerEntry e) {
        return new Transaction(e.id(), e.type().key(), currency.format(e.amount()), currency.format(e.balanceAfter()),
                e.reference(), e.createdAt());
    }
}
