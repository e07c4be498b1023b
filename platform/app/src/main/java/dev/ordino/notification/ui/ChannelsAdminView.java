package dev.ordino.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.HealthBadge;
import dev.ordino.base.ui.ReaderFormat;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.notification.ChannelInstances.ChannelView;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/**
 * Notification channel instances: what each is (plugin, enabled), how its last send went and
 * when, and for admins adding, editing and sending a test message through one.
 */
@Route(value = "admin/channels", layout = AdminLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class ChannelsAdminView extends VerticalLayout implements HasDynamicTitle {

    final Grid<ChannelView> grid = new Grid<>();
    final Button add = new Button();
    private final ChannelInstances channels;
    private final boolean admin;

    public ChannelsAdminView(ChannelInstances channels, CurrentUser currentUser) {
        this.channels = channels;
        this.admin = currentUser.hasRole(Roles.ADMIN);
        addClassName("ordino-page");
        setPadding(false);

        add.setText(getTranslation("channels.add"));
        add.setId("channels-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(admin);
        add.addClickListener(e -> editor(null));
        Anchor log = new Anchor("admin/notifications", getTranslation("notification-log.title"));
        log.setId("channels-log");

        grid.setId("channels-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        // One column of cards: a phone shows the whole channel without scrolling sideways.
        grid.addColumn(new ComponentRenderer<>(this::card)).setHeader(getTranslation("channels.title")).setKey("channel");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("channels.empty"));

        HorizontalLayout actions = new HorizontalLayout(add, log);
        actions.setAlignItems(Alignment.CENTER);
        actions.setWrap(true);
        add(new H2(getTranslation("channels.title")), actions, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(channels.list());
    }

    private VerticalLayout card(ChannelView c) {
        Span name = new Span(c.name() + " · " + c.displayName()
                + (c.enabled() ? "" : " · " + getTranslation("admin.plugins.status.disabled")));
        name.getStyle().set("font-weight", "600");
        Span lastSend = new Span(c.lastResult() == null ? getTranslation("channels.never-sent")
                : getTranslation("channels.last-send", getTranslation("channels.result." + c.lastResult()),
                ReaderFormat.dateTime(this, c.lastSentAt(), "–")));
        lastSend.addClassName("channel-last-send");
        lastSend.getElement().setAttribute("data-result", c.lastResult() == null ? "none" : c.lastResult());
        Div facts = new Div(lastSend);
        if (c.lastError() != null && !"sent".equals(c.lastResult())) {
            Span error = new Span(" · " + c.lastError());
            error.addClassName("ordino-error-text");
            facts.add(error);
        }
        facts.addClassName("ordino-muted");
        Span routing = new Span(c.staffEvents().isEmpty() ? getTranslation("channels.no-staff-events")
                : getTranslation("channels.staff-hear", c.staffEvents().size()));
        routing.addClassName("ordino-muted");
        Button edit = new Button(getTranslation("action.edit"), e -> editor(c));
        edit.setId("channel-edit-" + c.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button test = new Button(getTranslation("channels.test"), e -> test(c));
        test.setId("channel-test-" + c.id());
        test.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout buttons = new HorizontalLayout(edit, test);
        buttons.setVisible(admin);
        VerticalLayout card = new VerticalLayout(new Div(name, new Span(" "), new HealthBadge(c.health(), c.lastError())), facts,
                routing, buttons);
        card.setPadding(false);
        card.setSpacing(false);
        return card;
    }

    /** Sends a test message at once and says how it went; the result is the channel's health from now on. */
    void test(ChannelView c) {
        try {
            ChannelInstances.TestResult result = channels.test(c.id());
            if (result.sent()) {
                Feedback.success(getTranslation("channels.test-sent", c.name()));
            } else {
                Feedback.error(getTranslation("channels.test-failed", c.name(), result.error()));
            }
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
        refresh();
    }

    ChannelEditor editor(ChannelView existing) {
        ChannelEditor editor = new ChannelEditor(channels, existing);
        editor.onSaved(() -> {
            Feedback.success(getTranslation("channels.saved"));
            refresh();
        });
        editor.open();
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("channels.title");
    }
}
