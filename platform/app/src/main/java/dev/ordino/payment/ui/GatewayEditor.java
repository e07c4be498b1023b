package dev.ordino.payment.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.payment.GatewayInstances;
import dev.ordino.payment.GatewayInstances.GatewayForm;
import dev.ordino.payment.GatewayInstances.GatewayView;
import dev.ordino.plugin.SettingsForm;
import dev.ordino.plugin.api.SettingDescriptor;
import java.util.List;
import java.util.Map;

/** A payment gateway instance: its name, plugin, the plugin's settings and whether customers may pay with it. */
class GatewayEditor extends EditorDialog<GatewayForm> {

    final TextField name = new TextField();
    final ComboBox<String> plugin = new ComboBox<>();
    final Checkbox enabled = new Checkbox();
    final SettingsForm settings = new SettingsForm("gateway");
    private final GatewayInstances gateways;
    private final GatewayView existing;

    GatewayEditor(GatewayInstances gateways, GatewayView existing) {
        super(GatewayForm.class, "", "gateway");
        this.gateways = gateways;
        this.existing = existing;
        setHeaderTitle(getTranslation(existing == null ? "payments.add-gateway" : "payments.edit-gateway"));
        setWidth("min(40rem, 95vw)");
        Map<String, List<SettingDescriptor>> plugins = gateways.availablePlugins();
        name.setLabel(getTranslation("providers.name"));
        name.setId("gateway-name");
        name.setRequiredIndicatorVisible(true);
        plugin.setLabel(getTranslation("providers.plugin"));
        plugin.setId("gateway-plugin");
        plugin.setRequiredIndicatorVisible(true);
        plugin.setItems(existing == null ? plugins.keySet() : List.of(existing.plugin()));
        plugin.setEnabled(existing == null);
        enabled.setLabel(getTranslation("providers.enabled"));
        fields.add(name, plugin, enabled);
        add(new H3(getTranslation("providers.settings")), settings);

        binder.forField(name).bind("name");
        binder.forField(plugin).bind("plugin");
        binder.forField(settings).bind("settings");
        binder.forField(enabled).bind("enabled");
        binder.readRecord(existing == null ? new GatewayForm("", plugins.keySet().stream().findFirst().orElse(null), Map.of(), true)
                : new GatewayForm(existing.name(), existing.plugin(), existing.settings(), existing.enabled()));
        settings.follow(plugin, plugins);
        errors.withFields(settings::field);
    }

    @Override
    protected void store(GatewayForm gateway) {
        if (existing == null) {
            gateways.create(gateway);
        } else {
            gateways.update(existing.id(), gateway);
        }
    }
}
