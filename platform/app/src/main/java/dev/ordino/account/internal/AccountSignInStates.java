package dev.ordino.account.internal;

import dev.ordino.security.SignInStates;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tokens and browser sessions are checked against the account's row. */
@Component
class AccountSignInStates implements SignInStates {

    private final UserAccountRepository users;

    AccountSignInStates(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public Optional<SignInState> find(long accountId) {
        return users.signInState(accountId).stream().findFirst()
                .map(row -> new SignInState(((Number) row[0]).longValue(), (Boolean) row[1]));
    }
}
