package dev.ordino.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.ordino.base.DomainException;

/** How views tell people what happened: a refusal in their language, on the field or as a toast. */
public final class Feedback {

    private Feedback() {
    }

    /**
     * The translated message of a refusal ({@code error.<code>} with its arguments). A code that
     * has no message yet shows the refusal's own English detail, which says more than the bare key.
     */
    public static String message(Component component, DomainException e) {
        if (e.arguments().isEmpty() && Translations.exists(e.messageKey() + ".plain")) {
            // A refusal without the figures its usual message names ("at most {0} decimals") has a plain one.
            return component.getTranslation(e.messageKey() + ".plain");
        }
        String text = component.getTranslation(e.messageKey(), e.arguments().toArray());
        return text.equals(Translations.missing(e.messageKey())) && e.getMessage() != null ? e.getMessage() : text;
    }

    public static void success(String text) {
        Notification.show(text, 4000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification.show(text, 5000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Shows the message on the field at fault. */
    public static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
