package dev.ordino.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.notification.NotificationPreferences;
import dev.ordino.plugin.api.NotificationChannel.RecipientKind;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which events the signed-in customer hears about, and on which kind of channel: one row of
 * checkboxes per event, saved through the same service as {@code PUT /v1/me/notifications}.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PermitAll
public class NotificationPreferencesView extends VerticalLayout implements HasDynamicTitle {

    /** The kinds a customer can be reached through (a channel of kind "other" reaches only staff). */
    private static final List<String> KINDS = Stream.of(RecipientKind.EMAIL, RecipientKind.TELEGRAM, RecipientKind.DISCORD)
            .map(RecipientKind::key).toList();

    final Map<String, CheckboxGroup<String>> events = new LinkedHashMap<>();
    final Button save = new Button();
    private final VerticalLayout rows = new VerticalLayout();
    private final NotificationPreferences preferences;
    private final long userId;

    public NotificationPreferencesView(NotificationPreferences preferences, CurrentUser currentUser) {
        this.preferences = preferences;
        this.userId = currentUser.requireId();
        addClassName("ordino-page");
        setPadding(false);
        rows.setPadding(false);
        rows.setId("notification-preferences");
        save.setText(getTranslation("action.save"));
        save.setId("notification-preferences-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        add(new H2(getTranslation("notification-preferences.title")), new Paragraph(getTranslation("notification-preferences.intro")),
                rows, save);
        show(preferences.of(userId));
    }

    private void show(Map<String, List<String>> chosen) {
        rows.removeAll();
        events.clear();
        chosen.forEach((event, kinds) -> {
            CheckboxGroup<String> group = new CheckboxGroup<>(getTranslation("notification-event." + event));
            group.setId("preference-" + event);
            group.setItems(KINDS);
            group.setItemLabelGenerator(kind -> getTranslation("notification-kind." + kind));
            group.setValue(new LinkedHashSet<>(kinds));
            group.setWidthFull();
            events.put(event, group);
            rows.add(group);
        });
    }

    void save() {
        Map<String, List<String>> choice = new LinkedHashMap<>();
        events.forEach((event, group) -> choice.put(event, KINDS.stream().filter(group.getValue()::contains).toList()));
        try {
            show(preferences.save(userId, choice));
            Feedback.success(getTranslation("notification-preferences.saved"));
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification-preferences.title");
    }
}
