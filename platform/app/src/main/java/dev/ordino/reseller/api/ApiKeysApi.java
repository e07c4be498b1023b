package dev.ordino.reseller.api;

import dev.ordino.reseller.ApiKeys;
import dev.ordino.reseller.CallLog;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's keys for the panel API ({@code /api/v2}); the key itself appears only when made or rotated. */
@RestController
@RequestMapping("/v1/me")
@Tag(name = "API keys")
@SecurityRequirement(name = "bearer")
class ApiKeysApi {

    private final ApiKeys keys;
    private final CallLog calls;

    ApiKeysApi(ApiKeys keys, CallLog calls) {
        this.keys = keys;
        this.calls = calls;
    }

    record NewKey(String name, List<String> allowedIps) {
    }

    @PostMapping("/api-keys")
    ResponseEntity<ApiKeys.CreatedKey> create(@RequestBody NewKey request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(keys.create(ApiCaller.of(authentication).id(), request.name(), request.allowedIps()));
    }

    @GetMapping("/api-keys")
    List<ApiKeys.KeyView> mine(Authentication authentication) {
        return keys.mine(ApiCaller.of(authentication).id());
    }

    /** The last 100 panel API calls made with the caller's keys, newest first (never the keys). */
    @GetMapping("/api-calls")
    List<CallLog.Call> calls(Authentication authentication) {
        return calls.latest(ApiCaller.of(authentication).id());
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
        keys.revoke(ApiCaller.of(authentication).id(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api-keys/{id}/rotate")
    ApiKeys.CreatedKey rotate(@PathVariable long id, Authentication authentication) {
        return keys.rotate(ApiCaller.of(authentication).id(), id);
    }
}
