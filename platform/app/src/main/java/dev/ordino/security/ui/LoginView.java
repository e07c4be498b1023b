package dev.ordino.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.security.PasswordResets;
import dev.ordino.base.ui.StoreBranding;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import dev.ordino.base.ui.ReturnAddress;

/** Sign-in page. The form posts to Spring Security; a failed attempt comes back with {@code ?error}. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Anchor register = new Anchor();

    private final String shopName;
    private final PasswordResets resets;

    public LoginView(StoreBranding branding, PasswordResets resets) {
        this.shopName = branding.shopName();
        this.resets = resets;
        addClassName("ordino-auth");
        setAlignItems(FlexComponent.Alignment.STRETCH);
        setPadding(false);

        H1 brand = new H1(shopName);
        brand.addClassName("ordino-brand");
        brand.setId("login-shop-name");
        branding.logoUrl().ifPresent(url -> {
            Image logo = new Image(url, "");
            logo.getStyle().set("height", "3rem").set("max-width", "12rem").set("object-fit", "contain").set("align-self", "center");
            add(logo);
        });
        Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
        tagline.addClassName("ordino-muted");

        form.setAction("login");
        form.addForgotPasswordListener(e -> form.getUI().ifPresent(ui -> ui.navigate("reset-password")));
        form.setI18n(i18n());
        form.getElement().setAttribute("aria-label", getTranslation("login.title"));

        register.setText(getTranslation("login.register-link"));
        register.setHref("register");
        register.setId("register-link");
        Paragraph noAccount = new Paragraph(getTranslation("login.no-account") + " ");
        noAccount.add(register);

        add(brand, tagline, form, noAccount);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.email"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot-password"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        // Offered only while a reset link can be mailed: an e-mail channel is enabled.
        form.setForgotPasswordButtonVisible(resets.offered());
        // "Sign in to order" comes here with ?continue=<page>: Vaadin's sign-in success handler sends
        // the browser to this session attribute when no request was saved by an access check.
        register.setHref("register");
        ReturnAddress.of(event.getLocation()).ifPresent(path -> {
            VaadinSession.getCurrent().getSession().setAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE, "/" + path);
            register.setHref(new Location("register", QueryParameters.of(ReturnAddress.PARAMETER, path)).getPathWithQueryParameters());
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + shopName;
    }
}
