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

    /** The translated message of a refusal ({@code error.<code>} with its arguments). */
    public static String message(Component component, DomainException e) {
        return component.getTranslation(e.messageKey(), e.arguments().toArray());
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
