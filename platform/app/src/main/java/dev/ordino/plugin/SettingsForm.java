package dev.ordino.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.shared.Registration;
import dev.ordino.plugin.api.SettingDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The settings of an extension instance as a form, rendered from what the extension describes:
 * secrets in password fields (shown masked), multi-line text in text areas, choices in a select,
 * booleans as a checkbox, defaults as placeholders (or preselected). Field ids are
 * {@code <prefix>-setting-<key>}. As a value it is the settings map a form's record carries: read
 * in, the (masked) values an instance has; written out, what was entered.
 */
public class SettingsForm extends FormLayout implements HasValue<HasValue.ValueChangeEvent<Map<String, String>>, Map<String, String>> {

    private final String idPrefix;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private List<SettingDescriptor> shown = List.of();
    private Map<String, String> stored = Map.of();

    /** One rendered setting: its component, how to read it as text, where to show a problem. */
    private record Field(Component component, Supplier<String> value, HasValidation validation) {
    }

    public SettingsForm(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    /**
     * Shows the settings of whichever plugin the picker holds, now and on each change, filled with
     * the values read in.
     */
    public void follow(HasValue<?, String> plugin, Map<String, List<SettingDescriptor>> plugins) {
        show(plugins.getOrDefault(plugin.getValue(), List.of()), stored);
        plugin.addValueChangeListener(e -> show(plugins.getOrDefault(e.getValue(), List.of()), stored));
    }

    /** Shows the fields of these settings, filled with the (masked) values an instance has. */
    public void show(List<SettingDescriptor> descriptors, Map<String, String> values) {
        removeAll();
        fields.clear();
        shown = descriptors;
        for (SettingDescriptor d : descriptors) {
            String stored = values.get(d.key());
            Field field = switch (d.type()) {
                case CHOICE -> choice(d, stored);
                case BOOLEAN -> checkbox(d, stored);
                default -> text(d, stored);
            };
            field.component().setId(idPrefix + "-setting-" + d.key());
            add(field.component());
            fields.put(d.key(), field);
        }
    }

    private static Field text(SettingDescriptor d, String stored) {
        TextFieldBase<?, String> field = d.secret() ? new PasswordField(d.label())
                : d.type() == SettingDescriptor.SettingType.MULTILINE ? new TextArea(d.label()) : new TextField(d.label());
        if (d.help() != null) {
            field.setHelperText(d.help());
        }
        if (stored != null) {
            field.setValue(stored);
        } else if (d.defaultValue() != null) {
            field.setPlaceholder(d.defaultValue());
        }
        return new Field(field, field::getValue, field);
    }

    /** A stored value that is no longer an option is kept as one, so opening and saving changes nothing. */
    private static Field choice(SettingDescriptor d, String stored) {
        Select<String> select = new Select<>();
        select.setLabel(d.label());
        List<String> options = stored == null || d.options().contains(stored) ? d.options()
                : Stream.concat(d.options().stream(), Stream.of(stored)).toList();
        select.setItems(options);
        select.setEmptySelectionAllowed(!d.required() && d.defaultValue() == null);
        if (d.help() != null) {
            select.setHelperText(d.help());
        }
        select.setValue(stored != null ? stored : d.defaultValue());
        return new Field(select, () -> select.getValue() == null ? "" : select.getValue(), select);
    }

    private static Field checkbox(SettingDescriptor d, String stored) {
        Checkbox checkbox = new Checkbox(d.label());
        if (d.help() != null) {
            checkbox.setHelperText(d.help());
        }
        checkbox.setValue(Boolean.parseBoolean(stored != null ? stored : d.defaultValue()));
        return new Field(checkbox, () -> String.valueOf(checkbox.getValue()), checkbox);
    }

    /** What was entered, by setting key. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, field) -> values.put(key, field.value().get()));
        return values;
    }

    /** The field of an error's {@code settings.<key>} field name, if it is one of these. */
    public Optional<HasValidation> field(String errorField) {
        return errorField != null && errorField.startsWith("settings.")
                ? Optional.ofNullable(fields.get(errorField.substring("settings.".length()))).map(Field::validation)
                : Optional.empty();
    }

    /** The (masked) values an instance has, shown in the fields of the settings shown now and later. */
    @Override
    public void setValue(Map<String, String> values) {
        stored = values == null ? Map.of() : values;
        show(shown, stored);
    }

    /** What was entered, by setting key. */
    @Override
    public Map<String, String> getValue() {
        return values();
    }

    @Override
    public Registration addValueChangeListener(ValueChangeListener<? super ValueChangeEvent<Map<String, String>>> listener) {
        return () -> { }; // a form reads the settings on save; nothing listens to each keystroke
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        setEnabled(!readOnly);
    }

    @Override
    public boolean isReadOnly() {
        return !isEnabled();
    }

    @Override
    public void setRequiredIndicatorVisible(boolean visible) {
    }

    @Override
    public boolean isRequiredIndicatorVisible() {
        return false;
    }
}
