package dev.ordino.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A friendly page for anything that goes wrong while opening a page: no stack trace, just a
 * reference that staff can find in the log.
 */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);
    private final Paragraph reference = new Paragraph();

    public ErrorView() {
        addClassName("ordino-page");
        H2 title = new H2(getTranslation("error.title"));
        title.setId("error-title");
        reference.addClassName("ordino-muted");
        add(title, new Paragraph(getTranslation("error.text")), reference, new Anchor("", getTranslation("error.home")));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Error {} while opening /{}", id, event.getLocation().getPath(), parameter.getCaughtException());
        reference.setText(getTranslation("error.reference", id));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
