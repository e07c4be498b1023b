package dev.ordino.account.api;

import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
class AccountApi {

    private final AccountService accounts;

    AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    record Me(long id, String email, String name, List<String> roles, boolean enabled, boolean emailVerified, String locale) {
    }

    /** The caller's own account. */
    @GetMapping("/v1/me")
    Me me(Authentication caller) {
        AccountSummary account = accounts.own(ApiCaller.of(caller).id());
        return new Me(account.id(), account.email(), account.displayName(), account.roles().stream().sorted().toList(),
                account.enabled(), account.emailVerified(), account.locale());
    }
}
