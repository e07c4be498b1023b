package dev.ordino.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.account.AccountTokens;
import dev.ordino.base.DomainException;

/**
 * "Forgot password": without a token, asks for the e-mail and mails a link (the same answer whether
 * or not an account has it); with the link's {@code ?token=}, asks for the new password.
 */
@Route(value = "reset-password", autoLayout = false)
@AnonymousAllowed
public class PasswordResetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountTokens tokens;
    private final Paragraph result = new Paragraph();

    public PasswordResetView(AccountTokens tokens) {
        this.tokens = tokens;
        addClassName("ordino-auth");
        setAlignItems(FlexComponent.Alignment.STRETCH);
        setPadding(false);
        result.setId("reset-result");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1(getTranslation("reset.title")));
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        if (token == null) {
            EmailField email = new EmailField(getTranslation("login.email"));
            email.setId("reset-email");
            Button send = new Button(getTranslation("reset.send"), e -> {
                tokens.requestReset(email.getValue());
                result.setText(getTranslation("reset.sent"));
            });
            send.setId("reset-send");
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Paragraph(getTranslation("reset.ask")), email, send, result);
        } else {
            PasswordField password = new PasswordField(getTranslation("reset.new-password"));
            password.setId("reset-password");
            Button save = new Button(getTranslation("reset.save"), e -> {
                try {
                    tokens.confirmReset(token, password.getValue());
                    result.setText(getTranslation("reset.done"));
                    result.add(new Paragraph(new Anchor("login", getTranslation("login.submit"))));
                } catch (DomainException problem) {
                    boolean linkDead = "invalid_token".equals(problem.code());
                    result.setText(getTranslation(linkDead ? "reset.invalid" : "reset.weak"));
                }
            });
            save.setId("reset-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(password, save, result);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title");
    }
}
