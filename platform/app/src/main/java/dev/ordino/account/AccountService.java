package dev.ordino.account;

import dev.ordino.account.RegistrationException.Reason;
import dev.ordino.account.internal.UserAccount;
import dev.ordino.account.internal.UserAccountRepository;
import dev.ordino.security.Roles;
import dev.ordino.security.SignInVersions;
import dev.ordino.base.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Accounts: self-registration, the admin account from configuration, lookups. */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 8;
    /** BCrypt reads at most 72 bytes; refuse longer rather than silently ignoring the rest. */
    public static final int MAX_PASSWORD_BYTES = 72;
    public static final int MAX_NAME_LENGTH = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"'(),;:]+@[^@\\s<>\"'(),;:]+\\.[^@\\s<>\"'(),;:]{2,}$");

    /** A BCrypt hash of a random string, compared against when the e-mail is unknown. */
    private static final String UNKNOWN_USER_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOHi5vHhD6sGvXHqHt0uQ6d7W0bHYnN1e";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SignInVersions signIns;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, Clock clock,
                   ApplicationEventPublisher events, SignInVersions signIns) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
        this.signIns = signIns;
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
            return created(users.saveAndFlush(account));
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
        boolean isNew = account.getId() == null;
        // Runs at every start: only a real change of password, state or roles ends sessions.
        boolean changes = !isNew && (!account.isEnabled() || !account.getRoles().contains(Roles.ADMIN)
                || !passwordEncoder.matches(password, account.getPasswordHash()));
        if (isNew || changes) {
            account.setPasswordHash(passwordEncoder.encode(password));
        }
        if (changes) {
            revokeSignIns(account);
        }
        account.setEnabled(true);
        account.getRoles().add(Roles.ADMIN);
        return isNew ? created(users.saveAndFlush(account)) : summary(users.saveAndFlush(account));
    }

    /** Creates a user with the given roles, for the demo data on a first start. */
    @Transactional
    AccountSummary createUser(String email, String displayName, String password, Set<String> roles) {
        UserAccount account = new UserAccount(normaliseEmail(email), displayName, passwordEncoder.encode(password),
                clock.instant());
        account.getRoles().addAll(roles);
        return created(users.saveAndFlush(account));
    }

    /**
     * Checks an e-mail and password for API sign-in. Answers nothing for an unknown e-mail, a
     * wrong password or a disabled account alike (and takes as long for each).
     */
    @Transactional(readOnly = true)
    public Optional<AccountSummary> authenticate(String email, String password) {
        Optional<UserAccount> account = users.findByEmailIgnoreCase(normaliseEmail(email));
        String hash = account.map(UserAccount::getPasswordHash).orElse(UNKNOWN_USER_HASH);
        boolean matches = password != null && passwordEncoder.matches(password, hash);
        return account.filter(a -> matches && a.isEnabled()).map(AccountService::summary);
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

    /** E-mail by account id, for staff views of orders and wallets. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Map<Long, String> emails(Collection<Long> ids) {
        Map<Long, String> result = new HashMap<>();
        users.findAllById(ids).forEach(u -> result.put(u.getId(), u.getEmail()));
        return result;
    }

    /** Name and e-mail by account id, for staff grids that show who a row belongs to. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public Map<Long, AccountSummary> summaries(Collection<Long> ids) {
        Map<Long, AccountSummary> result = new HashMap<>();
        users.findAllById(ids).forEach(u -> result.put(u.getId(), summary(u)));
        return result;
    }

    /** Accounts whose id equals the text, or whose e-mail contains it (at most 500). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<Long> idsMatching(String idOrEmail) {
        String text = idOrEmail == null ? "" : idOrEmail.strip().toLowerCase(Locale.ROOT);
        if (text.matches("\\d{1,18}")) {
            long id = Long.parseLong(text);
            return users.existsById(id) ? List.of(id) : List.of();
        }
        return idsWithEmailContaining(text);
    }

    /** Accounts whose e-mail contains the text, ignoring case (at most 500), for staff filters by customer. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public List<Long> idsWithEmailContaining(String text) {
        return users.findByEmailContainingIgnoreCase(text.strip(), PageRequest.of(0, 500))
                .map(UserAccount::getId).getContent();
    }

    /** Staff's user search: by e-mail or name, paged. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public Page<AccountSummary> search(String text, Pageable pageable) {
        String query = text == null ? "" : text.strip();
        return users.findByEmailContainingIgnoreCaseOrDisplayNameContainingIgnoreCase(query, query, pageable)
                .map(AccountService::summary);
    }

    /** Turns sign-in on or off for an account; an admin cannot lock themself out. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary setEnabled(long id, boolean enabled, String actorEmail) {
        return update(id, enabled, null, actorEmail);
    }

    /** Replaces an account's roles (at least one). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary setRoles(long id, Set<String> roles, String actorEmail) {
        return update(id, null, roles, actorEmail);
    }

    /**
     * Changes whether an account may sign in and its roles ({@code null} leaves either as it is). An
     * admin cannot disable or demote themself, and the last enabled admin stays one. A change ends
     * the account's tokens and browser sessions on their next request.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary update(long id, Boolean enabled, Set<String> roles, String actorEmail) {
        if (roles != null && (roles.isEmpty() || !Set.of(Roles.CUSTOMER, Roles.STAFF, Roles.ADMIN).containsAll(roles))) {
            throw DomainException.badRequest("invalid_roles", "roles", "Choose at least one role");
        }
        boolean takesAdminAway = Boolean.FALSE.equals(enabled) || (roles != null && !roles.contains(Roles.ADMIN));
        // Locked before the account is read, so two admins demoting each other cannot both succeed.
        List<Long> admins = takesAdminAway ? users.lockEnabledAdmins() : List.of();
        UserAccount account = users.findById(id)
                .orElseThrow(() -> DomainException.notFound("user_not_found", "No such user"));
        boolean self = account.getEmail().equalsIgnoreCase(actorEmail);
        if (Boolean.FALSE.equals(enabled) && self) {
            throw DomainException.conflict("cannot_disable_self", "You cannot disable your own account");
        }
        if (roles != null && self && !roles.contains(Roles.ADMIN)) {
            throw DomainException.conflict("cannot_demote_self", "You cannot take the admin role from yourself");
        }
        if (takesAdminAway && admins.equals(List.of(account.getId()))) {
            throw DomainException.conflict("last_admin", "The last enabled admin cannot be disabled or lose the admin role");
        }
        boolean changed = false;
        if (enabled != null && enabled != account.isEnabled()) {
            account.setEnabled(enabled);
            changed = true;
        }
        if (roles != null && !roles.equals(account.getRoles())) {
            account.getRoles().clear();
            account.getRoles().addAll(roles);
            changed = true;
        }
        if (changed) {
            revokeSignIns(account);
        }
        return summary(users.saveAndFlush(account));
    }

    /** Whether an account with this id exists (enabled or not), for features that keep rows about accounts. */
    @Transactional(readOnly = true)
    public boolean exists(long id) {
        return users.existsById(id);
    }

    /**
     * The account to notify about something that happened to it (an order, a payment), or empty when
     * it is gone or disabled. Called from event listeners, where no one is signed in.
     */
    @Transactional(readOnly = true)
    public Optional<AccountSummary> recipient(long id) {
        return users.findById(id).filter(UserAccount::isEnabled).map(AccountService::summary);
    }

    /** The enabled account with this e-mail, for a password reset asked by someone not signed in. */
    @Transactional(readOnly = true)
    Optional<AccountSummary> enabledByEmail(String email) {
        return users.findByEmailIgnoreCase(normaliseEmail(email)).filter(UserAccount::isEnabled).map(AccountService::summary);
    }

    /**
     * Sets a password chosen through a reset link; every sign-in of the account ends.
     *
     * @throws RegistrationException {@code WEAK_PASSWORD} or {@code PASSWORD_TOO_LONG}
     */
    @Transactional
    void resetPassword(long id, String password) {
        checkPassword(password);
        UserAccount account = users.findById(id).orElseThrow();
        account.setPasswordHash(passwordEncoder.encode(password));
        revokeSignIns(account);
    }

    @Transactional
    void markEmailVerified(long id) {
        users.findById(id).ifPresent(UserAccount::markEmailVerified);
    }

    /** The signed-in caller's own account. */
    @Transactional(readOnly = true)
    @PostAuthorize("returnObject.email().equalsIgnoreCase(authentication.name)")
    public AccountSummary own(long id) {
        return users.findById(id).map(AccountService::summary)
                .orElseThrow(() -> DomainException.notFound("user_not_found", "No such user"));
    }

    /** Existing tokens and sessions stop working: here at once, on other nodes within seconds. */
    private void revokeSignIns(UserAccount account) {
        account.revokeSignIns();
        long id = account.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signIns.forget(id);
            }
        });
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.isBlank()) {
            throw new RegistrationException(Reason.WEAK_PASSWORD);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new RegistrationException(Reason.PASSWORD_TOO_LONG);
        }
    }

    private static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private AccountSummary created(UserAccount account) {
        events.publishEvent(new AccountCreated(account.getId(), account.getEmail()));
        return summary(account);
    }

    private static AccountSummary summary(UserAccount account) {
        return new AccountSummary(account.getId(), account.getEmail(), account.getDisplayName(),
                Set.copyOf(account.getRoles()), account.isEnabled(), account.getCreatedAt(), account.isEmailVerified(),
                account.getLocale(), account.getSecurityVersion());
    }
}
