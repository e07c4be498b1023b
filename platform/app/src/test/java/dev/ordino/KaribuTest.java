package dev.ordino;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.ordino.account.AccountSummary;
import dev.ordino.security.OrdinoUser;
import java.util.Arrays;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Browserless UI tests with Karibu Testing on the real application context. Signing in puts a
 * user into Spring Security's context and into the fake request, as the servlet filter would.
 */
@OrdinoTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.ordino");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    protected void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in a user that needs no account (access checks only). */
    protected void signIn(String email, String... roles) {
        signIn(-1, email, roles);
    }

    /** Signs in a real account. */
    protected void signIn(AccountSummary account) {
        signIn(account.id(), account.email(), account.roles().toArray(String[]::new));
    }

    private void signIn(long id, String email, String... roles) {
        UserDetails user = new OrdinoUser(id, email, email, "unused", true,
                Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
        var authentication = new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        // Where Spring Security keeps it between requests, and where Vaadin's context strategy looks first.
        VaadinSession.getCurrent().getSession().setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                securityContext);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> Arrays.asList(roles).contains(role));
    }
}
