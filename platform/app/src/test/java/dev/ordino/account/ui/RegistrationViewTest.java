package dev.ordino.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountService;
import dev.ordino.account.Registration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

class RegistrationViewTest extends KaribuTest {

    @Autowired
    AccountService accounts;

    private RegistrationView open() {
        UI.getCurrent().navigate("register");
        return _get(RegistrationView.class);
    }

    @Test
    void aNewCustomerRegistersAndIsSignedInAtOnce() {
        String email = "new-" + UUID.randomUUID() + "@example.com";
        RegistrationView view = open();
        view.email.setValue(email);
        view.displayName.setValue("New Customer");
        view.password.setValue("long-enough-password");
        view.submit.click();

        // Kept where Spring Security finds it on the next request of this browser.
        Object kept = VaadinSession.getCurrent().getSession().getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(kept).isInstanceOfSatisfying(SecurityContext.class, context -> {
            assertThat(context.getAuthentication().isAuthenticated()).isTrue();
            assertThat(context.getAuthentication().getName()).isEqualTo(email);
            assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CUSTOMER");
        });
    }

    @Test
    void theSignInLinkKeepsThePageToReturnTo() {
        UI.getCurrent().navigate("register", QueryParameters.of("continue", "s/12-likes"));
        RegistrationView view = _get(RegistrationView.class);
        assertThat(_get(view, Anchor.class, spec -> spec.withText("Sign in")).getHref())
                .isEqualTo("login?continue=s%2F12-likes");
        UI.getCurrent().navigate("register", QueryParameters.of("continue", "//evil.example/x"));
        assertThat(_get(_get(RegistrationView.class), Anchor.class, spec -> spec.withText("Sign in"))
                .getHref()).as("only a page of the shop").isEqualTo("login");
    }

    @Test
    void aTakenEmailIsShownOnTheEmailField() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        accounts.register(new Registration(email, "Someone", "password-123"));
        RegistrationView view = open();
        view.email.setValue(email);
        view.displayName.setValue("Someone Else");
        view.password.setValue("password-456");
        view.submit.click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("An account with this e-mail already exists");
        assertThat(view.password.isInvalid()).isFalse();
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0)).isSameAs(view);
    }

    @Test
    void aShortPasswordIsShownOnThePasswordField() {
        RegistrationView view = open();
        view.email.setValue("short-" + UUID.randomUUID() + "@example.com");
        view.displayName.setValue("Shorty");
        view.password.setValue("1234567");
        view.submit.click();

        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).isEqualTo("Use at least 8 characters");
    }
}
