package dev.ordino.account.api;

import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.api.ApiPage;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

        static User of(AccountSummary account) {
            return new User(account.id(), account.email(), account.displayName(), account.roles().stream().sorted().toList(),
                    account.enabled(), account.createdAt());
        }
    }

    /** Either field may be left out; roles are any of ADMIN, STAFF, CUSTOMER. */
    record UserChange(Boolean enabled, Set<String> roles) {
    }

    @GetMapping
    ApiPage<User> search(@RequestParam(required = false) String email, @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) {
        return ApiPage.of(accounts.search(email, ApiPage.request(page, size)), User::of);
    }

    /** What the users grid does: disable or enable, change roles. Tokens and sessions of the account end at once. */
    @PutMapping("/{id}")
    User update(@PathVariable long id, @RequestBody UserChange change, Authentication caller) {
        return User.of(accounts.update(id, change.enabled(), change.roles(), ApiCaller.of(caller).email()));
    }
}
