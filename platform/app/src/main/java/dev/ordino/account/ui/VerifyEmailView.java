package dev.ordino.account.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ordino.account.AccountTokens;
import dev.ordino.base.DomainException;

/** Where the verification mail's link lands: the address is confirmed, or the link is said to be spent. */
@Route(value = "verify-email", autoLayout = false)
@AnonymousAllowed
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountTokens tokens;

    public VerifyEmailView(AccountTokens tokens) {
        this.tokens = tokens;
        addClassName("ordino-auth");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Paragraph result = new Paragraph();
        result.setId("verify-result");
        try {
            tokens.verify(event.getLocation().getQueryParameters().getSingleParameter("token").orElse(""));
            result.setText(getTranslation("verify.done"));
        } catch (DomainException problem) {
            result.setText(getTranslation("reset.invalid"));
        }
        add(new H1(getTranslation("verify.title")), result, new Anchor("", getTranslation("verify.to-shop")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("verify.title");
    }
}
