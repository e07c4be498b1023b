package dev.ordino.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordino.OrdinoTest;
import dev.ordino.account.AccountService;
import dev.ordino.account.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Sign-in limits on the real database, as several nodes share them. */
@OrdinoTest
class SignInRateLimitTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    /** One node's limiter: its own objects, nothing shared with another node but the database. */
    private SignInRateLimit node(int perMinute) {
        return new SignInRateLimit(new SignInLimits(dataSource, perMinute, 3, Duration.ofSeconds(2)));
    }

    /** A client address no other test uses, since the buckets outlive a test. */
    private static String address() {
        return "198.18." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    private static MockHttpServletResponse post(SignInRateLimit limit, String rawPath, String address) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", rawPath);
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aFourthTokenRequestWithinAMinuteFromOneAddressIsRefusedWithAProblem() throws Exception {
        SignInRateLimit limit = node(3);
        String address = address();
        for (int i = 0; i < 3; i++) {
            assertThat(post(limit, "/v1/auth/token", address).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = post(limit, "/v1/auth/token", address);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"code\":\"too_many_requests\"");

        assertThat(post(limit, "/v1/auth/token", address()).getStatus()).as("another address is not affected").isEqualTo(200);
        assertThat(post(limit, "/login", address).getStatus()).as("the sign-in form shares the budget").isEqualTo(429);
    }

    @Test
    void encodedOrDecoratedPathsCountLikeThePathsTheApplicationRoutesThemTo() throws Exception {
        for (String path : List.of("/v1/auth/%74oken", "/v1/auth/%72egister", "/%6cogin", "/login;jsessionid=1",
                "/v1//auth/token", "/login/")) {
            SignInRateLimit limit = node(2);
            String address = address();
            post(limit, path, address);
            post(limit, path, address);
            assertThat(post(limit, path, address).getStatus()).as(path).isEqualTo(429);
        }
    }

    @Test
    void otherRequestsAreNeverLimited() throws Exception {
        SignInRateLimit limit = node(3);
        String address = address();
        for (int i = 0; i < 10; i++) {
            assertThat(post(limit, "/v1/orders", address).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/login");
        get.setRemoteAddr(address);
        for (int i = 0; i < 10; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            limit.doFilter(get, response, new MockFilterChain());
            assertThat(response.getStatus()).as("showing the sign-in page is not an attempt").isEqualTo(200);
        }
    }

    @Test
    void twoNodesOnOneDatabaseShareTheLimitOfAnAddress() throws Exception {
        SignInRateLimit first = node(4);
        SignInRateLimit second = node(4);
        String address = address();
        assertThat(post(first, "/v1/auth/token", address).getStatus()).isEqualTo(200);
        assertThat(post(second, "/v1/auth/token", address).getStatus()).isEqualTo(200);
        assertThat(post(first, "/login", address).getStatus()).isEqualTo(200);
        assertThat(post(second, "/v1/auth/register", address).getStatus()).isEqualTo(200);
        assertThat(post(first, "/v1/auth/token", address).getStatus()).isEqualTo(429);
        assertThat(post(second, "/v1/auth/token", address).getStatus()).isEqualTo(429);
    }

    @Test
    void anEmailIsLockedAfterRepeatedFailuresOnAnyNodeWhetherOrNotItsAccountExists() throws Exception {
        String known = "locked-" + UUID.randomUUID() + "@example.com";
        accounts.register(new Registration(known, "Locked", "right-password"));
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        SignInLimits first = new SignInLimits(dataSource, 1000, 3, Duration.ofSeconds(3));
        SignInLimits second = new SignInLimits(dataSource, 1000, 3, Duration.ofSeconds(3));

        for (String email : List.of(known, unknown)) {
            AtomicInteger passwordChecks = new AtomicInteger();
            for (SignInLimits node : List.of(first, second, first)) {
                assertThat(node.check(email.toUpperCase(), () -> {
                    passwordChecks.incrementAndGet();
                    return accounts.authenticate(email, "wrong-password");
                })).isEmpty();
            }
            // Locked: refused on either node before the password is even checked, so the answer and its
            // timing are the same for an existing and an unknown e-mail, and the right password does not help.
            for (SignInLimits node : List.of(first, second)) {
                assertThatThrownBy(() -> node.check(" " + email + " ", () -> {
                    passwordChecks.incrementAndGet();
                    return accounts.authenticate(email, "right-password");
                })).isInstanceOfSatisfying(SignInLimits.SignInLocked.class,
                        locked -> assertThat(locked.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
            }
            assertThat(passwordChecks).as(email).hasValue(3);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_bucket WHERE id LIKE ?", Integer.class, "%" + known + "%"))
                .as("e-mails are stored only as hashes").isZero();

        Thread.sleep(3_100);
        assertThat(second.check(known, () -> accounts.authenticate(known, "right-password")))
                .as("the lock ends after its period").isPresent();
    }

    @Test
    void aSuccessfulSignInDoesNotCountAsAFailure() {
        String email = "fine-" + UUID.randomUUID() + "@example.com";
        SignInLimits limits = new SignInLimits(dataSource, 1000, 2, Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            assertThat(limits.check(email, () -> Optional.of("signed in"))).isPresent();
        }
        assertThat(limits.check(email, Optional::empty)).isEmpty();
        assertThat(limits.check(email, () -> Optional.of("signed in"))).isPresent();
    }

    @Test
    void bucketsThatAreFullAgainAreRemoved() throws Exception {
        SignInLimits limits = new SignInLimits(dataSource, 1000, 3, Duration.ofSeconds(1));
        String address = address();
        limits.attemptFrom(address);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_bucket WHERE id = ?", Integer.class, "address:" + address)).isOne();
        jdbc.update("UPDATE sign_in_bucket SET expires_at = 0 WHERE id = ?", "address:" + address);
        assertThat(limits.removeExpired()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sign_in_bucket WHERE id = ?", Integer.class, "address:" + address)).isZero();
    }
}
