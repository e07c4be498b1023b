package dev.ordino.security;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The sign-in form's password check, under the per-e-mail limit of {@link SignInLimits}: a locked
 * e-mail is refused like a wrong password (the form says only that signing in failed), whether or
 * not the account exists.
 */
@Component
class FormSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInLimits limits;

    FormSignIn(UserDetailsService accounts, PasswordEncoder passwordEncoder, SignInLimits limits) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        AtomicReference<AuthenticationException> failure = new AtomicReference<>();
        try {
            return limits.check(attempt.getName(), () -> {
                try {
                    return Optional.of(passwords.authenticate(attempt));
                } catch (AuthenticationException e) {
                    failure.set(e);
                    return Optional.<Authentication>empty();
                }
            }).orElseThrow(() -> failure.get() != null ? failure.get() : new BadCredentialsException("Bad credentials"));
        } catch (SignInLimits.SignInLocked e) {
            throw new LockedException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
