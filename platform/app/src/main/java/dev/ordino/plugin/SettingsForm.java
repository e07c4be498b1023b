package dev.ordino.plugin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import dev.ordino.plugin.api.SettingDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of an extension instance as a form, rendered from what the extension describes:
 * secrets in password fields (shown masked), multi-line text in text areas, defaults as
 * placeholders. Field ids are {@code <prefix>-setting-<key>}.
 */
public class SettingsForm extends FormLayout {

    private final String idPrefix;
    private final Map<String, TextFieldBase<?, String>> fields = new LinkedHashMap<>();

    public SettingsForm(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /** Shows the fields of these settings, filled with the (masked) values an instance has. */
    public void show(List<SettingDescriptor> descriptors, Map<String, String> values) {
        removeAll();
        fields.clear();
        for (SettingDescriptor d : descriptors) {
            TextFieldBase<?, String> field = d.secret() ? new PasswordField(d.label())
                    : d.type() == SettingDescriptor.SettingType.MULTILINE ? new TextArea(d.label()) : new TextField(d.label());
            field.setId(idPrefix + "-setting-" + d.key());
            if (d.help() != null) {
                field.setHelperText(d.help());
            }
            if (values.containsKey(d.key())) {
                field.setValue(values.get(d.key()));
            } else if (d.defaultValue() != null) {
                field.setPlaceholder(d.defaultValue());
            }
            add(field);
            fields.put(d.key(), field);
        }
    }

    /** What was entered, by setting key. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, field) -> values.put(key, field.getValue()));
        return values;
    }

    /** The field of an error's {@code settings.<key>} field name, if it is one of these. */
    public Optional<HasValidation> field(String errorField) {
        return errorField != null && errorField.startsWith("settings.")
                ? Optional.ofNullable(fields.get(errorField.substring("settings.".length()))) : Optional.empty();
    }
}
