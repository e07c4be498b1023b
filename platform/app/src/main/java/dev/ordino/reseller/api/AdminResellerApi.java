package dev.ordino.reseller.api;

import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.PriceTiers;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff's side of reselling: a customer's price tier, turning off a key. */
@RestController
@RequestMapping("/v1/admin")
@Tag(name = "Admin: resellers")
@SecurityRequirement(name = "bearer")
class AdminResellerApi {

    private final ApiKeys keys;
    private final PriceTiers tiers;

    AdminResellerApi(ApiKeys keys, PriceTiers tiers) {
        this.keys = keys;
        this.tiers = tiers;
    }

    record TierChange(BigDecimal discountPercent) {
    }

    record Tier(long userId, BigDecimal discountPercent) {
    }

    @PostMapping("/api-keys/{id}/disable")
    ResponseEntity<Void> disable(@PathVariable long id, Authentication authentication) {
        keys.disable(id, ApiCaller.of(authentication).email());
        return ResponseEntity.noContent().build();
    }

    /** 0 removes the tier. */
    @PutMapping("/users/{id}/price-tier")
    Tier priceTier(@PathVariable long id, @RequestBody TierChange change, Authentication authentication) {
        return new Tier(id, tiers.set(id, change.discountPercent(), ApiCaller.of(authentication).email()));
    }
}
