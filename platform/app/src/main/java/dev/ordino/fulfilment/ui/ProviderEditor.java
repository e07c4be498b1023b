package dev.ordino.fulfilment.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.base.ui.EditorDialog;
import dev.ordino.fulfilment.ProviderForm;
import dev.ordino.fulfilment.ProviderInstances;
import dev.ordino.fulfilment.ProviderView;
import dev.ordino.plugin.SettingsForm;
import dev.ordino.plugin.api.SettingDescriptor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A provider instance: its name, plugin and the plugin's settings, markup, priority, balance alert and currency. */
class ProviderEditor extends EditorDialog<ProviderForm> {

    final TextField name = new TextField();
    final ComboBox<String> plugin = new ComboBox<>();
    final SettingsForm settings = new SettingsForm("provider");
    final BigDecimalField markupPercent = new BigDecimalField();
    final IntegerField priority = new IntegerField();
    final Checkbox enabled = new Checkbox();
    final BigDecimalField lowBalanceThreshold = new BigDecimalField();
    final TextField currency = new TextField();
    final BigDecimalField conversionRate = new BigDecimalField();
    private final ProviderInstances instances;
    private final ProviderView existing;

    ProviderEditor(ProviderInstances instances, ProviderView existing) {
        super(ProviderForm.class, "", "provider");
        this.instances = instances;
        this.existing = existing;
        setHeaderTitle(getTranslation(existing == null ? "providers.add" : "providers.edit"));
        setWidth("min(40rem, 95vw)");
        Map<String, List<SettingDescriptor>> plugins = instances.availablePlugins();
        name.setLabel(getTranslation("providers.name"));
        name.setId("provider-name");
        name.setRequiredIndicatorVisible(true);
        plugin.setLabel(getTranslation("providers.plugin"));
        plugin.setId("provider-plugin");
        plugin.setRequiredIndicatorVisible(true);
        plugin.setItems(existing == null ? plugins.keySet() : List.of(existing.plugin()));
        plugin.setEnabled(existing == null);
        markupPercent.setLabel(getTranslation("providers.markup"));
        markupPercent.setId("provider-markup");
        priority.setLabel(getTranslation("providers.priority"));
        priority.setId("provider-priority");
        enabled.setLabel(getTranslation("providers.enabled"));
        lowBalanceThreshold.setLabel(getTranslation("providers.low-balance"));
        lowBalanceThreshold.setId("provider-threshold");
        currency.setLabel(getTranslation("providers.currency"));
        currency.setId("provider-currency");
        currency.setMaxLength(3);
        conversionRate.setLabel(getTranslation("providers.conversion"));
        conversionRate.setId("provider-rate");
        fields.add(name, plugin, markupPercent, priority, lowBalanceThreshold, currency, conversionRate, enabled);
        add(new H3(getTranslation("providers.settings")), settings);

        binder.forField(name).bind("name");
        binder.forField(plugin).bind("plugin");
        binder.forField(settings).bind("settings");
        binder.forField(markupPercent).bind("markupPercent");
        binder.forField(priority).bind("priority");
        binder.forField(enabled).bind("enabled");
        binder.forField(lowBalanceThreshold).bind("lowBalanceThreshold");
        binder.forField(currency).bind("currency");
        binder.forField(conversionRate).bind("conversionRate");
        binder.readRecord(existing == null
                ? new ProviderForm("", instances.suggestedPlugin().filter(plugins::containsKey).orElse(null), Map.of(),
                        new BigDecimal("50"), 10, true, null, "", null)
                : new ProviderForm(existing.name(), existing.plugin(), existing.settings(), existing.markupPercent(),
                        existing.priority(), existing.enabled(), existing.lowBalanceThreshold(), existing.currency(),
                        existing.conversionRate()));
        settings.follow(plugin, plugins);
        errors.withFields(settings::field);
    }

    @Override
    protected void store(ProviderForm provider) {
        if (existing == null) {
            instances.create(provider);
        } else {
            instances.update(existing.id(), provider);
        }
    }
}
