package dev.ordino.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** An error in a click handler shows a friendly notification with a log reference, never a stack trace. */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            UI ui = UI.getCurrent();
            String message;
            if (findCause(cause, AccessDeniedException.class)) {
                log.warn("Access denied: {}", cause.getMessage());
                message = ui == null ? "Not allowed" : ui.getTranslation("error.access-denied");
            } else {
                String id = UUID.randomUUID().toString().substring(0, 8);
                log.error("Error {} in the UI", id, cause);
                message = ui == null ? "Error " + id : ui.getTranslation("error.notification", id);
            }
            if (ui != null) {
                ui.access(() -> Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }

    private static boolean findCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
