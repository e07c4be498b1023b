package dev.ordino.account;

import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.security.Roles;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: the admin from {@code ORDINO_ADMIN_EMAIL}/{@code ORDINO_ADMIN_PASSWORD} is
 * ensured. Without those and with no user at all (a first start), a demo admin and a demo
 * customer are created and their logins printed, so the embedded default works at once.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String DEMO_ADMIN_EMAIL = "admin@ordino.demo";
    static final String DEMO_ADMIN_PASSWORD = "admin-demo-1";
    static final String DEMO_CUSTOMER_EMAIL = "customer@ordino.demo";
    static final String DEMO_CUSTOMER_PASSWORD = "customer-demo-1";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final OrdinoProperties properties;

    AdminBootstrap(AccountService accounts, OrdinoProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.hasAdminAccount()) {
            try {
                AccountSummary admin = accounts.ensureAdmin(properties.adminEmail(), properties.adminPassword(), "Admin");
                log.info("Admin account {} is ready (from ORDINO_ADMIN_EMAIL)", admin.email());
            } catch (RegistrationException e) {
                throw new IllegalStateException("ORDINO_ADMIN_PASSWORD must have at least "
                        + AccountService.MIN_PASSWORD_LENGTH + " characters (and at most 72 bytes)", e);
            }
        } else if (accounts.countUsers() == 0) {
            accounts.createUser(DEMO_ADMIN_EMAIL, "Demo Admin", DEMO_ADMIN_PASSWORD, Set.of(Roles.ADMIN));
            accounts.createUser(DEMO_CUSTOMER_EMAIL, "Demo Customer", DEMO_CUSTOMER_PASSWORD, Set.of(Roles.CUSTOMER));
            log.warn("""

                    ==================================================================
                     First start: demo accounts created (change them before going live)
                       admin:    {} / {}
                       customer: {} / {}
                     Set ORDINO_ADMIN_EMAIL and ORDINO_ADMIN_PASSWORD for a real admin.
                    ==================================================================""",
                    DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, DEMO_CUSTOMER_EMAIL, DEMO_CUSTOMER_PASSWORD);
        }
    }
}
