package dev.ordino.account;

import dev.ordino.account.RegistrationException.Reason;
import dev.ordino.account.internal.UserAccount;
import dev.ordino.account.internal.UserAccountRepository;
import dev.ordino.security.Roles;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: self-registration, the admin account from configuration, lookups. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt reads at most 72 bytes; refuse longer rather than silently ignoring the rest. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"'(),;:]+@[^@\\s<>\"'(),;:]+\\.[^@\\s<>\"'(),;:]{2,}$");

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Registers a customer. Open to anyone: this is the sign-up form. */
    @Transactional
    public AccountSummary register(Registration registration) {
        String email = normaliseEmail(registration.email());
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new RegistrationException(Reason.EMAIL_INVALID);
        }
        String name = registration.displayName() == null ? "" : registration.displayName().strip();
        if (name.isEmpty()) {
            throw new RegistrationException(Reason.NAME_REQUIRED);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RegistrationException(Reason.NAME_TOO_LONG);
        }
        checkPassword(registration.password());
        if (users.existsByEmailIgnoreCase(email)) {
            throw new RegistrationException(Reason.EMAIL_TAKEN);
        }
        UserAccount account = new UserAccount(email, name, passwordEncoder.encode(registration.password()), clock.instant());
        account.getRoles().add(Roles.CUSTOMER);
        try {
            return summary(users.saveAndFlush(account));
        } catch (DataIntegrityViolationException raceWithSameEmail) {
            throw new RegistrationException(Reason.EMAIL_TAKEN);
        }
    }

    /**
     * Makes sure an admin account with this e-mail and password exists: creates it, or gives an
     * existing user the ADMIN role and this password. Runs at start-up, from configuration.
     */
    @Transactional
    public AccountSummary ensureAdmin(String email, String password, String displayName) {
        checkPassword(password);
        String normalised = normaliseEmail(email);
        UserAccount account = users.findByEmailIgnoreCase(normalised)
                .orElseGet(() -> new UserAccount(normalised, displayName, "", clock.instant()));
        account.setPasswordHash(passwordEncoder.encode(password));
        account.setEnabled(true);
        account.getRoles().add(Roles.ADMIN);
        return summary(users.saveAndFlush(account));
    }

    /** Creates a user with the given roles, for the demo data on a first start. */
    @Transactional
    AccountSummary createUser(String email, String displayName, String password, Set<String> roles) {
        UserAccount account = new UserAccount(normaliseEmail(email), displayName, passwordEncoder.encode(password),
                clock.instant());
        account.getRoles().addAll(roles);
        return summary(users.saveAndFlush(account));
    }

    @Transactional(readOnly = true)
    public long countUsers() {
        return users.count();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') or hasRole('STAFF') or (isAuthenticated() and #email.equalsIgnoreCase(authentication.name))")
    public Optional<AccountSummary> findByEmail(String email) {
        return users.findByEmailIgnoreCase(normaliseEmail(email)).map(AccountService::summary);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.isBlank()) {
            throw new RegistrationException(Reason.WEAK_PASSWORD);
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new RegistrationException(Reason.PASSWORD_TOO_LONG);
        }
    }

    private static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static AccountSummary summary(UserAccount account) {
        return new AccountSummary(account.getId(), account.getEmail(), account.getDisplayName(),
                Set.copyOf(account.getRoles()), account.isEnabled(), account.getCreatedAt());
    }
}
