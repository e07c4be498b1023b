package dev.ordino.account.api;

import dev.ordino.account.AccountService;
import dev.ordino.base.api.ApiPage;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/admin/users")
@Tag(name = "Admin: users")
@SecurityRequirement(name = "bearer")
class AdminUsersApi {

    private final AccountService accounts;

    AdminUsersApi(AccountService accounts) {
        this.accounts = accounts;
    }

    record User(long id, String email, String name, List<String> roles, boolean enabled, Instant createdAt) {
    }

    @GetMapping
    ApiPage<User> search(@RequestParam(required = false) String email, @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) {
        return ApiPage.of(accounts.search(email, ApiPage.request(page, size)),
                a -> new User(a.id(), a.email(), a.displayName(), a.roles().stream().sorted().toList(), a.enabled(), a.createdAt()));
    }
}
