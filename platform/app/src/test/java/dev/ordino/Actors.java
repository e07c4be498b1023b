package dev.ordino;

import dev.ordino.account.AccountService;
import dev.ordino.account.AccountSummary;
import dev.ordino.account.Registration;
import dev.ordino.security.OrdinoUser;
import dev.ordino.security.Roles;
import dev.ordino.wallet.WalletService;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Test people: customers with funded wallets, and running code as a given user. */
@Component
public class Actors {

    public static final String ADMIN_EMAIL = "admin@ordino.demo";
    public static final String ADMIN_PASSWORD = "admin-demo-1";

    private final AccountService accounts;
    private final WalletService wallet;

    Actors(AccountService accounts, WalletService wallet) {
        this.accounts = accounts;
        this.wallet = wallet;
    }

    public AccountSummary customer() {
        return accounts.register(new Registration("c-" + UUID.randomUUID() + "@example.com", "Customer", "customer-pass"));
    }

    /** A new customer whose wallet holds {@code balance}, funded by an admin adjustment. */
    public AccountSummary customerWith(String balance) {
        AccountSummary customer = customer();
        if (new BigDecimal(balance).signum() > 0) {
            asAdmin(() -> wallet.adjust(customer.id(), new BigDecimal(balance), "Test funds", ADMIN_EMAIL, null));
        }
        return customer;
    }

    public <T> T asAdmin(Callable<T> work) {
        return as(new OrdinoUser(0, ADMIN_EMAIL, "Admin", "x", true, List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN))), work);
    }

    public <T> T as(AccountSummary account, Callable<T> work) {
        return as(new OrdinoUser(account.id(), account.email(), account.displayName(), "x", true,
                account.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()), work);
    }

    private static <T> T as(OrdinoUser user, Callable<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
