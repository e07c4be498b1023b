package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;

/**
 * Who may act, as an attacker and an admin would try it over HTTP: revoked tokens and browser
 * sessions, the admin users API, a forged sign-in from another site, the per-e-mail lock and the
 * headers of HTML pages.
 */
@RunningOrdino
class AccountSecurityTest {

    private static final String PASSWORD = "customer-pass";

    @LocalServerPort
    int port;
    @Autowired
    FilterChainProxy securityFilters;

    private Api api;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        admin = api.token("admin@ordino.demo", "admin-demo-1");
    }

    private static String email() {
        return "sec-" + UUID.randomUUID() + "@example.com";
    }

    private long idOf(String email) throws Exception {
        return Long.parseLong(Api.field(api.get("/v1/admin/users?email=" + email, admin).body(), "id"));
    }

    @Test
    void aDisabledAccountsTokenIsRefusedOnTheNextRequest() throws Exception {
        String email = email();
        String token = api.newCustomer(email);
        HttpResponse<String> me = api.get("/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"" + email + "\"", "\"name\":\"API Customer\"", "\"roles\":[\"CUSTOMER\"]",
                "\"enabled\":true", "\"emailVerified\":false", "\"locale\":null");
        long id = Long.parseLong(Api.field(me.body(), "id"));

        HttpResponse<String> disabled = api.put("/v1/admin/users/" + id, admin, "{\"enabled\":false}");
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.body()).contains("\"id\":" + id, "\"email\":\"" + email + "\"", "\"enabled\":false",
                "\"roles\":[\"CUSTOMER\"]", "\"createdAt\"");

        HttpResponse<String> refused = api.get("/v1/me", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"unauthorized\"");
        assertThat(api.get("/v1/wallet", token).statusCode()).isEqualTo(401);

        assertThat(api.put("/v1/admin/users/" + id, admin, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/me", token).statusCode()).as("a re-enabled account needs a new token").isEqualTo(401);
        assertThat(api.get("/v1/me", api.token(email, PASSWORD)).statusCode()).isEqualTo(200);
    }

    @Test
    void changingRolesEndsTheOldTokenAndTheNewOneCarriesTheRoles() throws Exception {
        String email = email();
        String customer = api.newCustomer(email);
        long id = idOf(email);

        HttpResponse<String> promoted = api.put("/v1/admin/users/" + id, admin, "{\"roles\":[\"STAFF\",\"CUSTOMER\"]}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.body()).contains("\"roles\":[\"CUSTOMER\",\"STAFF\"]", "\"enabled\":true");
        assertThat(api.get("/v1/me", customer).statusCode()).isEqualTo(401);

        String staff = api.token(email, PASSWORD);
        assertThat(api.get("/v1/me", staff).body()).contains("\"roles\":[\"CUSTOMER\",\"STAFF\"]");
        assertThat(api.get("/v1/admin/orders", staff).statusCode()).isEqualTo(200);
        HttpResponse<String> staffChangesRoles = api.put("/v1/admin/users/" + id, staff, "{\"roles\":[\"ADMIN\"]}");
        assertThat(staffChangesRoles.statusCode()).as("only admins manage users").isEqualTo(403);

        assertThat(api.put("/v1/admin/users/" + id, admin, "{\"roles\":[\"CUSTOMER\"]}").statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/admin/orders", staff).statusCode()).as("the staff token ended with the role").isEqualTo(401);
    }

    @Test
    void theUsersApiRefusesWhatTheGridRefuses() throws Exception {
        long self = idOf("admin@ordino.demo");
        HttpResponse<String> disableSelf = api.put("/v1/admin/users/" + self, admin, "{\"enabled\":false}");
        assertThat(disableSelf.statusCode()).isEqualTo(409);
        assertThat(disableSelf.body()).contains("\"code\":\"cannot_disable_self\"");
        HttpResponse<String> demoteSelf = api.put("/v1/admin/users/" + self, admin, "{\"roles\":[\"STAFF\"]}");
        assertThat(demoteSelf.statusCode()).isEqualTo(409);
        assertThat(demoteSelf.body()).contains("\"code\":\"cannot_demote_self\"");

        String email = email();
        api.newCustomer(email);
        HttpResponse<String> badRole = api.put("/v1/admin/users/" + idOf(email), admin, "{\"roles\":[\"ROOT\"]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(badRole.body()).contains("\"code\":\"invalid_roles\"");
        assertThat(api.put("/v1/admin/users/999999999", admin, "{\"enabled\":false}").statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/me", null).statusCode()).isEqualTo(401);
    }

    /** A browser: keeps cookies, never follows redirects. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in as the login page does: with the CSRF token the page carries. */
        HttpResponse<String> signIn(String email, String password) throws Exception {
            String page = get("/login").body();
            return postForm("/login", "username=" + encode(email) + "&password=" + encode(password) + "&"
                    + meta(page, "_csrf_parameter") + "=" + encode(meta(page, "_csrf")));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("the page carries " + name).isTrue();
        return m.group(1);
    }

    private static boolean signedIn(HttpResponse<String> loginAnswer) {
        return loginAnswer.statusCode() == 302
                && loginAnswer.headers().firstValue("Location").filter(location -> !location.contains("error")).isPresent();
    }

    @Test
    void theLoginPageSignsInButAForgedPostFromAnotherSiteDoesNot() throws Exception {
        String email = email();
        api.newCustomer(email);

        Browser victim = new Browser();
        victim.get("/");
        HttpResponse<String> forged = victim.postForm("/login", "username=" + encode(email) + "&password=" + PASSWORD);
        assertThat(signedIn(forged)).as("a post without the page's token: " + forged.statusCode()).isFalse();
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(victim.get("/orders").statusCode()).as("still not signed in").isEqualTo(302);

        Browser customer = new Browser();
        assertThat(signedIn(customer.signIn(email, PASSWORD))).isTrue();
        assertThat(customer.get("/orders").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignedInBrowserSessionEndsWhenTheAccountIsDisabledOrItsRolesChange() throws Exception {
        String email = email();
        api.newCustomer(email);
        long id = idOf(email);

        Browser customer = new Browser();
        assertThat(signedIn(customer.signIn(email, PASSWORD))).isTrue();
        assertThat(customer.get("/orders").statusCode()).isEqualTo(200);
        assertThat(api.put("/v1/admin/users/" + id, admin, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        HttpResponse<String> after = customer.get("/orders");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(signedIn(customer.signIn(email, PASSWORD))).as("disabled accounts cannot sign in").isFalse();

        assertThat(api.put("/v1/admin/users/" + id, admin, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(signedIn(customer.signIn(email, PASSWORD))).isTrue();
        assertThat(customer.get("/orders").statusCode()).isEqualTo(200);
        assertThat(api.put("/v1/admin/users/" + id, admin, "{\"roles\":[\"CUSTOMER\",\"STAFF\"]}").statusCode()).isEqualTo(200);
        assertThat(customer.get("/orders").statusCode()).as("signed out by the role change").isEqualTo(302);
    }

    @Test
    void anEmailIsLockedAfterTenFailuresWhateverPathSpellingAndSignInRouteIsUsed() throws Exception {
        String email = email();
        api.newCustomer(email);
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/v1/auth/%74oken", null, "{\"email\":\"" + email + "\",\"password\":\"guess-" + i + "\"}")
                    .statusCode()).isEqualTo(401);
            assertThat(signedIn(browser.signIn(email.toUpperCase(), "guess-" + i))).isFalse();
        }
        HttpResponse<String> locked = api.post("/v1/auth/token", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("\"code\":\"too_many_requests\"");
        assertThat(signedIn(browser.signIn(email, PASSWORD))).as("the form is locked too").isFalse();

        String unknown = email();
        for (int i = 0; i < 10; i++) {
            api.post("/v1/auth/token", null, "{\"email\":\"" + unknown + "\",\"password\":\"guess-" + i + "\"}");
        }
        HttpResponse<String> lockedUnknown = api.post("/v1/auth/token", null, "{\"email\":\"" + unknown + "\",\"password\":\"x\"}");
        assertThat(lockedUnknown.statusCode()).as("an unknown e-mail is answered alike").isEqualTo(429);
        assertThat(lockedUnknown.body().replaceAll("\\d+ s", "N s")).isEqualTo(locked.body().replaceAll("\\d+ s", "N s"));
    }

    @Test
    void htmlPagesForbidSniffingFramingByOtherSitesAndLeakingAddresses() throws Exception {
        HttpResponse<String> page = new Browser().get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'self'", "object-src 'none'", "base-uri 'self'"));
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();

        MockHttpServletRequest overTls = new MockHttpServletRequest("GET", "/login");
        overTls.setSecure(true);
        overTls.setScheme("https");
        MockHttpServletResponse answer = new MockHttpServletResponse();
        securityFilters.doFilter(overTls, answer, new MockFilterChain());
        assertThat(answer.getHeader("Strict-Transport-Security")).startsWith("max-age=31536000").contains("includeSubDomains");

        assertThat(new Browser().get("/v3/api-docs").statusCode()).as("the API description stays public").isEqualTo(200);
    }
}
