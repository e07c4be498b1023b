package dev.ordino.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.OrdinoTest;
import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.security.Roles;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;

@OrdinoTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    JdbcTemplate jdbc;

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void aCustomerRegistersAndCanSignInWithTheirPassword() {
        String email = uniqueEmail();
        AccountSummary account = accounts.register(new Registration("  " + email.toUpperCase() + " ", "Ана 🚀", "correct horse"));

        assertThat(account.email()).isEqualTo(email);
        assertThat(account.displayName()).isEqualTo("Ана 🚀");
        assertThat(account.roles()).containsExactly(Roles.CUSTOMER);
        UserDetails user = userDetails.loadUserByUsername(email.toUpperCase());
        assertThat(passwordEncoder.matches("correct horse", user.getPassword())).isTrue();
        assertThat(user.getPassword()).startsWith("$2").doesNotContain("correct horse");
        assertThat(jdbc.queryForObject("SELECT display_name FROM app_user WHERE id = ?", String.class, account.id()))
                .as("utf8mb4 keeps names in any script, emoji included").isEqualTo("Ана 🚀");
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefusedWhateverItsCase() {
        String email = uniqueEmail();
        accounts.register(new Registration(email, "First", "password-1"));

        assertThatThrownBy(() -> accounts.register(new Registration(email.toUpperCase(), "Second", "password-2")))
                .isInstanceOfSatisfying(RegistrationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RegistrationException.Reason.EMAIL_TAKEN);
                    assertThat(e.reason().field()).isEqualTo("email");
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE email = ?", Integer.class, email)).isEqualTo(1);
    }

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        String email = uniqueEmail();
        assertThatThrownBy(() -> accounts.register(new Registration(email, "Short", "1234567")))
                .isInstanceOfSatisfying(RegistrationException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegistrationException.Reason.WEAK_PASSWORD));
        assertThat(accounts.countUsers()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE email = ?", Integer.class, email)).isZero();
    }

    @Test
    void badEmailsAndNamesAreRefusedWithTheFieldAtFault() {
        assertThatThrownBy(() -> accounts.register(new Registration("not-an-email", "Name", "password-1")))
                .extracting(e -> ((RegistrationException) e).reason()).isEqualTo(RegistrationException.Reason.EMAIL_INVALID);
        assertThatThrownBy(() -> accounts.register(new Registration("<script>@x.io", "Name", "password-1")))
                .extracting(e -> ((RegistrationException) e).reason()).isEqualTo(RegistrationException.Reason.EMAIL_INVALID);
        assertThatThrownBy(() -> accounts.register(new Registration(uniqueEmail(), "   ", "password-1")))
                .extracting(e -> ((RegistrationException) e).reason()).isEqualTo(RegistrationException.Reason.NAME_REQUIRED);
        assertThatThrownBy(() -> accounts.register(new Registration(uniqueEmail(), "x".repeat(101), "password-1")))
                .extracting(e -> ((RegistrationException) e).reason()).isEqualTo(RegistrationException.Reason.NAME_TOO_LONG);
        assertThatThrownBy(() -> accounts.register(new Registration(uniqueEmail(), "Name", "p".repeat(73))))
                .extracting(e -> ((RegistrationException) e).reason()).isEqualTo(RegistrationException.Reason.PASSWORD_TOO_LONG);
    }

    @Test
    void theFirstStartOfAnEmptyDatabaseCreatesTheDemoAdminAndCustomer() {
        UserDetails admin = userDetails.loadUserByUsername(AdminBootstrap.DEMO_ADMIN_EMAIL);
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(passwordEncoder.matches(AdminBootstrap.DEMO_ADMIN_PASSWORD, admin.getPassword())).isTrue();
        UserDetails customer = userDetails.loadUserByUsername(AdminBootstrap.DEMO_CUSTOMER_EMAIL);
        assertThat(customer.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CUSTOMER");
    }

    @Test
    void theConfiguredAdminIsCreatedOrPromotedWithThatPasswordAtEveryStart() throws Exception {
        String email = uniqueEmail();
        accounts.register(new Registration(email, "Owner", "customer-pass"));
        long usersBefore = accounts.countUsers();

        bootstrapWith(email, "first-admin-pass");
        UserDetails promoted = userDetails.loadUserByUsername(email);
        assertThat(promoted.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN", "ROLE_CUSTOMER");
        assertThat(passwordEncoder.matches("first-admin-pass", promoted.getPassword())).isTrue();

        bootstrapWith(email, "second-admin-pass");
        assertThat(passwordEncoder.matches("second-admin-pass", userDetails.loadUserByUsername(email).getPassword())).isTrue();
        assertThat(accounts.countUsers()).as("no duplicate user").isEqualTo(usersBefore);

        String fresh = uniqueEmail();
        bootstrapWith(fresh, "brand-new-admin");
        assertThat(userDetails.loadUserByUsername(fresh).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void aConfiguredAdminPasswordThatIsTooShortStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> bootstrapWith(uniqueEmail(), "short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ORDINO_ADMIN_PASSWORD must have at least 8 characters");
    }

    private void bootstrapWith(String email, String password) throws Exception {
        OrdinoProperties properties = new OrdinoProperties(null, null, null, null, email, password);
        new AdminBootstrap(accounts, properties).run(null);
    }
}
