package dev.ordino.security;

import java.util.Optional;

/**
 * Where tokens and browser sessions are checked against: the account's current security version
 * and whether it may sign in. The account feature answers it from its table.
 */
public interface SignInStates {

    /** Empty when no such account exists (any more). */
    Optional<SignInState> find(long accountId);

    /** {@code version} is raised whenever the account is disabled, or its roles or password change. */
    record SignInState(long version, boolean enabled) {
    }
}
