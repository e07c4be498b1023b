package dev.ordino.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.ReaderFormat;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.notification.ChannelInstances.ChannelView;
import dev.ordino.notification.Deliveries;
import dev.ordino.notification.Deliveries.DeliveryView;
import dev.ordino.notification.DeliveryState;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The notification log: every delivery, newest first, a page at a time, filtered by state and
 * channel; a sent or dead one can be sent again.
 */
@Route(value = "admin/notifications", layout = AdminLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class NotificationLogView extends VerticalLayout implements HasDynamicTitle {

    final Select<String> state = new Select<>();
    final ComboBox<ChannelView> channel = new ComboBox<>();
    final Grid<DeliveryView> grid = new Grid<>();
    private final Deliveries deliveries;

    public NotificationLogView(Deliveries deliveries, ChannelInstances channels) {
        this.deliveries = deliveries;
        addClassName("ordino-page");
        setPadding(false);

        state.setLabel(getTranslation("notification-log.state"));
        state.setId("notification-log-state");
        state.setItems(Stream.concat(Stream.of(""), Arrays.stream(DeliveryState.values()).map(DeliveryState::key)).toList());
        state.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("payments.any") : getTranslation("notification-state." + s));
        state.setValue("");
        channel.setLabel(getTranslation("notification-log.channel"));
        channel.setId("notification-log-channel");
        channel.setItems(channels.list());
        channel.setItemLabelGenerator(ChannelView::name);
        channel.setClearButtonVisible(true);
        state.addValueChangeListener(e -> refresh());
        channel.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(state, channel);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        Anchor channelsLink = new Anchor("admin/channels", getTranslation("channels.title"));

        grid.setId("notification-log-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        // One column of cards: on a phone every fact of a delivery stays in view.
        grid.addColumn(new ComponentRenderer<>(this::row)).setHeader(getTranslation("notification-log.title")).setKey("delivery");
        grid.setHeight("32rem");
        grid.setEmptyStateText(getTranslation("notification-log.empty"));

        add(new H2(getTranslation("notification-log.title")), channelsLink, filters, grid);
        refresh();
    }

    void refresh() {
        DeliveryState wanted = state.getValue() == null || state.getValue().isEmpty() ? null : DeliveryState.parse(state.getValue());
        Deliveries.Filter filter = new Deliveries.Filter(wanted, channel.getValue() == null ? null : channel.getValue().id());
        grid.setItemsPageable(pageable -> deliveries.search(filter, pageable).getContent());
    }

    private Div row(DeliveryView d) {
        Span title = new Span(getTranslation("notification-event." + d.event()) + " · " + (d.channel() == null ? "–" : d.channel()));
        title.getStyle().set("font-weight", "600");
        Span badge = new Span(getTranslation("notification-state." + d.state()));
        badge.addClassName("ordino-state");
        badge.getElement().setAttribute("data-status", d.state());
        Span recipient = new Span(d.recipient() + (d.subject() == null ? "" : " · " + d.subject()));
        recipient.addClassName("delivery-recipient");
        Span facts = new Span(ReaderFormat.dateTime(this, d.createdAt(), "–") + " · "
                + getTranslation("notification-log.attempts", d.attempts()));
        facts.addClassName("ordino-muted");
        Div row = new Div(new Div(title, new Span(" "), badge), new Div(recipient), new Div(facts));
        row.setId("delivery-" + d.id());
        if (d.lastError() != null && !d.lastError().isBlank()) {
            Div error = new Div(new Span(d.lastError()));
            error.addClassName("ordino-error-text");
            row.add(error);
        }
        // Which rows may go again is the service's rule: one still being tried is refused with its reason.
        Button resend = new Button(getTranslation("notification-log.resend"), e -> askResend(d));
        resend.setId("delivery-resend-" + d.id());
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        row.add(new Div(resend));
        return row;
    }

    ConfirmDialog askResend(DeliveryView d) {
        ConfirmDialog sure = new ConfirmDialog(getTranslation("notification-log.resend"),
                getTranslation("notification-log.resend-text", d.recipient()), getTranslation("notification-log.resend"), ok -> {
            try {
                deliveries.resend(d.id());
                Feedback.success(getTranslation("notification-log.resent"));
            } catch (DomainException e) {
                Feedback.error(Feedback.message(this, e));
            }
            refresh();
        });
        sure.setId("resend-dialog");
        sure.setCancelable(true);
        sure.setCancelText(getTranslation("action.cancel"));
        sure.open();
        return sure;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification-log.title");
    }
}
