package dev.ordino.notification.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.notification.ChannelInstances.ChannelForm;
import dev.ordino.notification.ChannelInstances.ChannelView;
import dev.ordino.notification.NotificationEvent;
import dev.ordino.plugin.SettingsForm;
import dev.ordino.plugin.api.SettingDescriptor;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A notification channel instance: its name, plugin, the plugin's settings, whether it sends, and
 * what staff hear through it (which events, to which recipient; blank: the channel's own staff
 * destination).
 */
class ChannelEditor extends EditorDialog<ChannelForm> {

    final TextField name = new TextField();
    final ComboBox<String> plugin = new ComboBox<>();
    final Checkbox enabled = new Checkbox();
    final SettingsForm settings = new SettingsForm("channel");
    final CheckboxGroup<String> staffEvents = new CheckboxGroup<>();
    final TextField staffRecipient = new TextField();
    private final ChannelInstances channels;
    private final ChannelView existing;

    ChannelEditor(ChannelInstances channels, ChannelView existing) {
        super(ChannelForm.class, "", "channel");
        this.channels = channels;
        this.existing = existing;
        setHeaderTitle(getTranslation(existing == null ? "channels.add" : "channels.edit"));
        setWidth("min(40rem, 100vw)");
        setMaxWidth("100vw");
        Map<String, List<SettingDescriptor>> plugins = channels.availablePlugins();
        name.setLabel(getTranslation("providers.name"));
        name.setId("channel-name");
        name.setRequiredIndicatorVisible(true);
        plugin.setLabel(getTranslation("providers.plugin"));
        plugin.setId("channel-plugin");
        plugin.setRequiredIndicatorVisible(true);
        plugin.setItems(existing == null ? plugins.keySet() : List.of(existing.plugin()));
        plugin.setEnabled(existing == null);
        enabled.setLabel(getTranslation("providers.enabled"));
        fields.add(name, plugin, enabled);
        add(new H3(getTranslation("providers.settings")), settings);

        staffEvents.setLabel(getTranslation("channels.staff-events"));
        staffEvents.setId("channel-staff-events");
        staffEvents.setItems(Arrays.stream(NotificationEvent.values()).map(NotificationEvent::key).toList());
        staffEvents.setItemLabelGenerator(key -> getTranslation("notification-event." + key));
        staffRecipient.setLabel(getTranslation("channels.staff-recipient"));
        staffRecipient.setHelperText(getTranslation("channels.staff-recipient-help"));
        staffRecipient.setId("channel-staff-recipient");
        staffRecipient.setWidthFull();
        add(new H3(getTranslation("channels.staff-routing")), staffEvents, staffRecipient);

        binder.forField(name).bind("name");
        binder.forField(plugin).bind("plugin");
        binder.forField(settings).bind("settings");
        binder.forField(enabled).bind("enabled");
        if (existing == null) {
            staffEvents.setHelperText(getTranslation("channels.staff-events-default"));
        }
        // Nothing ticked on a new channel leaves the choice to the service: the usual events for its kind of channel.
        binder.forField(staffEvents).withConverter(set -> existing == null && set.isEmpty() ? null : List.copyOf(set),
                ChannelEditor::asSet).bind("staffEvents");
        binder.forField(staffRecipient).withNullRepresentation("").bind("staffRecipient");
        binder.readRecord(existing == null ? new ChannelForm("", plugins.keySet().stream().findFirst().orElse(null), Map.of(), true,
                List.of(), "")
                : new ChannelForm(existing.name(), existing.plugin(), existing.settings(), existing.enabled(), existing.staffEvents(),
                existing.staffRecipient()));
        settings.follow(plugin, plugins);
        errors.withFields(settings::field);
    }

    private static Set<String> asSet(List<String> keys) {
        return keys == null ? Set.of() : new LinkedHashSet<>(keys);
    }

    @Override
    protected void store(ChannelForm channel) {
        if (existing == null) {
            channels.create(channel);
        } else {
            channels.update(existing.id(), channel);
        }
    }
}
