package dev.ordino.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.Actors;
import dev.ordino.OrdinoTest;
import dev.ordino.base.DomainException;
import dev.ordino.base.config.OrdinoProperties;
import dev.ordino.security.Roles;
import dev.ordino.security.SignInStates;
import dev.ordino.security.SignInVersions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Taking access away: versions that end tokens and sessions, and the admin who must remain. */
@OrdinoTest
class AccountRevocationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    Actors actors;
    @Autowired
    SignInStates states;
    @Autowired
    SignInVersions versions;
    @Autowired
    JdbcTemplate jdbc;

    private static String uniqueEmail() {
        return "rev-" + UUID.randomUUID() + "@example.com";
    }

    private long versionOf(long id) {
        return jdbc.queryForObject("SELECT security_version FROM app_user WHERE id = ?", Long.class, id);
    }

    @Test
    void disablingChangingRolesOrPasswordRaisesTheVersionAndNothingElseDoes() throws Exception {
        AccountSummary customer = actors.customer();
        long start = versionOf(customer.id());
        assertThat(versions.isCurrent(customer.id(), start)).isTrue();

        actors.asAdmin(() -> accounts.setEnabled(customer.id(), true, Actors.ADMIN_EMAIL));
        actors.asAdmin(() -> accounts.setRoles(customer.id(), Set.of(Roles.CUSTOMER), Actors.ADMIN_EMAIL));
        assertThat(versionOf(customer.id())).as("no change, no revocation").isEqualTo(start);

        AccountSummary disabled = actors.asAdmin(() -> accounts.update(customer.id(), false, null, Actors.ADMIN_EMAIL));
        assertThat(disabled.securityVersion()).isEqualTo(start + 1).isEqualTo(versionOf(customer.id()));
        assertThat(versions.isCurrent(customer.id(), start)).as("seen at once on the node that made the change").isFalse();
        assertThat(versions.isCurrent(customer.id(), start + 1)).as("a disabled account has no current version").isFalse();

        actors.asAdmin(() -> accounts.update(customer.id(), true, Set.of(Roles.CUSTOMER, Roles.STAFF), Actors.ADMIN_EMAIL));
        assertThat(versionOf(customer.id())).isEqualTo(start + 2);
        assertThat(versions.isCurrent(customer.id(), start + 2)).isTrue();

        String adminEmail = uniqueEmail();
        long admin = bootstrapWith(adminEmail, "first-admin-pass").id();
        long adminVersion = versionOf(admin);
        bootstrapWith(adminEmail, "first-admin-pass");
        assertThat(versionOf(admin)).as("a restart with the same password keeps sessions").isEqualTo(adminVersion);
        bootstrapWith(adminEmail, "second-admin-pass");
        assertThat(versionOf(admin)).as("a new password ends them").isEqualTo(adminVersion + 1);
    }

    @Test
    void anotherNodeSeesARevocationWithinTheCheckInterval() throws Exception {
        AccountSummary customer = actors.customer();
        long version = versionOf(customer.id());
        MutableClock clock = new MutableClock();
        SignInVersions otherNode = new SignInVersions(states, Duration.ofSeconds(2), clock);
        assertThat(otherNode.isCurrent(customer.id(), version)).isTrue();

        actors.asAdmin(() -> accounts.setEnabled(customer.id(), false, Actors.ADMIN_EMAIL));
        clock.advance(Duration.ofMillis(1_999));
        assertThat(otherNode.isCurrent(customer.id(), version)).as("its copy is at most 2 s old").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(otherNode.isCurrent(customer.id(), version)).isFalse();
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemotedEvenByTwoAdminsAtOnce() throws Exception {
        // This database is shared by other tests: for the test's length, only two admins are enabled.
        List<Long> others = jdbc.queryForList("SELECT u.id FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                + " WHERE r.role = 'ADMIN' AND u.enabled = TRUE", Long.class);
        String firstEmail = uniqueEmail();
        String secondEmail = uniqueEmail();
        AccountSummary first = bootstrapWith(firstEmail, "first-admin-pass");
        AccountSummary second = bootstrapWith(secondEmail, "second-admin-pass");
        others.forEach(id -> jdbc.update("UPDATE app_user SET enabled = FALSE WHERE id = ?", id));
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService twoAdmins = Executors.newFixedThreadPool(2);
            CompletableFuture<Object> firstDemotesSecond = CompletableFuture.supplyAsync(() -> outcome(together,
                    () -> actors.asAdmin(() -> accounts.setRoles(second.id(), Set.of(Roles.STAFF), firstEmail))), twoAdmins);
            CompletableFuture<Object> secondDisablesFirst = CompletableFuture.supplyAsync(() -> outcome(together,
                    () -> actors.asAdmin(() -> accounts.setEnabled(first.id(), false, secondEmail))), twoAdmins);
            twoAdmins.shutdown();
            List<Object> outcomes = List.of(firstDemotesSecond.get(30, TimeUnit.SECONDS), secondDisablesFirst.get(30, TimeUnit.SECONDS));
            assertThat(outcomes).as("one of the two wins").filteredOn(AccountSummary.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(DomainException.class::isInstance)
                    .singleElement().extracting(e -> ((DomainException) e).code()).isEqualTo("last_admin");

            long remaining = outcomes.get(0) instanceof AccountSummary ? first.id() : second.id();
            assertThatThrownBy(() -> actors.asAdmin(() -> accounts.setEnabled(remaining, false, Actors.ADMIN_EMAIL)))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo("last_admin");
                        assertThat(e.status()).isEqualTo(409);
                    });
            assertThatThrownBy(() -> actors.asAdmin(() -> accounts.setRoles(remaining, Set.of(Roles.CUSTOMER), Actors.ADMIN_EMAIL)))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("last_admin"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.user_id = u.id"
                    + " WHERE r.role = 'ADMIN' AND u.enabled = TRUE", Integer.class)).isOne();
        } finally {
            others.forEach(id -> jdbc.update("UPDATE app_user SET enabled = TRUE WHERE id = ?", id));
        }
    }

    private static Object outcome(CyclicBarrier together, Callable<AccountSummary> work) {
        try {
            together.await(10, TimeUnit.SECONDS);
            return work.call();
        } catch (DomainException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AccountSummary bootstrapWith(String email, String password) throws Exception {
        new AdminBootstrap(accounts, new OrdinoProperties(null, null, null, null, email, password)).run(null);
        return actors.asAdmin(() -> accounts.findByEmail(email)).orElseThrow();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
