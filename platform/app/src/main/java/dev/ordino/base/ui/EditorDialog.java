package dev.ordino.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import dev.ordino.base.DomainException;

/**
 * A dialog that edits one record a service takes: its fields are bound with a {@link Binder} to
 * the record's components by name, Save writes the record and hands it to the service, and a
 * refusal shows on the field it names (see {@link FormErrors}) with the dialog left open. The
 * rules stay in the service; a subclass only lays out and binds the fields and says which service
 * method saves.
 *
 * @param <R> the record the service takes
 */
public abstract class EditorDialog<R extends Record> extends Dialog {

    protected final Binder<R> binder;
    public final FormErrors errors;
    protected final FormLayout fields = new FormLayout();
    public final Button save = new Button();
    private Runnable saved = () -> { };

    /** @param idPrefix names the Save button {@code <idPrefix>-save} */
    protected EditorDialog(Class<R> type, String title, String idPrefix) {
        binder = new Binder<>(type);
        errors = new FormErrors(binder);
        setHeaderTitle(title);
        save.setText(getTranslation("action.save"));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> submit());
        add(errors.formMessage(), fields);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** What to do once the service took the record (the dialog is closed by then). */
    public EditorDialog<R> onSaved(Runnable action) {
        this.saved = action;
        return this;
    }

    /** Hands the record to the service; throws its refusal. */
    protected abstract void store(R record);

    /** Shows a refusal; a form may word one in its own terms. */
    protected void refused(DomainException refusal) {
        errors.show(refusal);
    }

    /** Writes the record from the fields and saves it, or shows why not. */
    public void submit() {
        errors.clear();
        R record;
        try {
            record = binder.writeRecord();
        } catch (ValidationException e) {
            return; // the binder marked the fields whose input does not convert
        }
        try {
            store(record);
        } catch (DomainException refusal) {
            refused(refusal);
            return;
        }
        close();
        saved.run();
    }
}
