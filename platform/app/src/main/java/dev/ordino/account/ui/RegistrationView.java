package dev.ordino.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import dev.ordino.base.ui.BrandMark;
import dev.ordino.base.ui.StoreBranding;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import dev.ordino.account.AccountSummary;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.ReturnAddress;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import dev.ordino.account.AccountService;
import dev.ordino.account.Registration;
import dev.ordino.account.RegistrationException;

/** Customer self-registration: e-mail, display name, password (8+ characters). */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
public class RegistrationView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final EmailField email = new EmailField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final Button submit = new Button();

    private final AccountService accounts;
    private final UserDetailsService signIns;
    private String returnTo = "";
    private final Anchor login = new Anchor();

    public RegistrationView(AccountService accounts, UserDetailsService signIns, StoreBranding branding) {
        this.accounts = accounts;
        this.signIns = signIns;
        addClassName("ordino-auth");
        setAlignItems(FlexComponent.Alignment.STRETCH);
        setPadding(false);

        H1 title = new H1(getTranslation("registration.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-xxl)");

        email.setLabel(getTranslation("registration.email"));
        email.setId("email");
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        displayName.setLabel(getTranslation("registration.display-name"));
        displayName.setId("display-name");
        displayName.setRequiredIndicatorVisible(true);
        displayName.setMaxLength(AccountService.MAX_NAME_LENGTH);
        password.setLabel(getTranslation("registration.password"));
        password.setId("password");
        password.setRequiredIndicatorVisible(true);
        password.setHelperText(getTranslation("registration.password-help", AccountService.MIN_PASSWORD_LENGTH));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);

        submit.setText(getTranslation("registration.submit"));
        submit.setId("register");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> register());

        Paragraph haveAccount = new Paragraph(getTranslation("registration.have-account") + " ");
        login.setText(getTranslation("registration.login-link"));
        login.setHref("login");
        haveAccount.add(login);
        // The shop's name on top, as on the sign-in page: a new customer knows where they sign up.
        add(BrandMark.link(branding, "", null), title, email, displayName, password, submit, haveAccount);
    }

    void register() {
        email.setInvalid(false);
        displayName.setInvalid(false);
        password.setInvalid(false);
        try {
            AccountSummary account = accounts.register(new Registration(email.getValue(), displayName.getValue(), password.getValue()));
            signIn(account.email());
            Notification done = Notification.show(getTranslation("registration.done"), 5000, Notification.Position.TOP_CENTER);
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            // A full load, so the frame shows the signed-in menu; back to the page that sent the visitor here.
            getUI().ifPresent(ui -> ui.getPage().setLocation(returnTo.isEmpty() ? "." : returnTo));
        } catch (RegistrationException e) {
            String message = getTranslation(e.reason().messageKey(), AccountService.MIN_PASSWORD_LENGTH);
            switch (e.reason().field()) {
                case "email" -> Feedback.invalid(email, message);
                case "displayName" -> Feedback.invalid(displayName, message);
                default -> Feedback.invalid(password, message);
            }
        }
    }

    /**
     * Signs the new customer in, as the sign-in form would: the security context is kept in the
     * HTTP session under a new session id, so an id known before sign-up is worth nothing after.
     */
    private void signIn(String email) {
        UserDetails user = signIns.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null) {
            request.getHttpServletRequest().changeSessionId();
            new HttpSessionSecurityContextRepository().saveContext(context, request.getHttpServletRequest(),
                    response == null ? null : response.getHttpServletResponse());
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        returnTo = ReturnAddress.of(event.getLocation()).orElse("");
        login.setHref(returnTo.isEmpty() ? "login"
                : new Location("login", QueryParameters.of(ReturnAddress.PARAMETER, returnTo)).getPathWithQueryParameters());
    }

    private static void markInvalid(HasValidation field, String message) {
        Feedback.invalid(field, message);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registration.title") + " · " + getTranslation("app.name");
    }
}
