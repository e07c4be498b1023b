package dev.ordino.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.binder.Binder;
import dev.ordino.base.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a form shows a refusal of the service it calls: on the field bound to the refusal's
 * {@link DomainException#field() field} (the record component it was bound with, such as
 * {@code markupPercent}), or, when no field answers to that name, as a message at the top of the
 * form. The one mapping from a refusal to a field: forms bind their fields by the names the
 * services use and name no field by hand.
 */
public final class FormErrors {

    private final Binder<?> binder;
    private final List<Function<String, Optional<? extends HasValidation>>> otherFields = new ArrayList<>();
    private final Div formMessage = new Div();
    private final List<HasValidation> marked = new ArrayList<>();

    public FormErrors(Binder<?> binder) {
        this.binder = binder;
        formMessage.addClassName("ordino-error-text");
        formMessage.addClassName("form-message");
        formMessage.getElement().setAttribute("role", "alert");
        formMessage.setVisible(false);
    }

    /** Fields the binder does not hold, found by the refusal's field name (a plugin's {@code settings.<key>}). */
    public FormErrors withFields(Function<String, Optional<? extends HasValidation>> lookup) {
        otherFields.add(lookup);
        return this;
    }

    /** The message for refusals that name no field of this form; place it above the fields. */
    public Div formMessage() {
        return formMessage;
    }

    /** Shows the refusal's translated message ({@code error.<code>}) where it belongs. */
    public void show(DomainException refusal) {
        show(refusal, message(refusal));
    }

    /** The refusal's message in the reader's language. */
    public String message(DomainException refusal) {
        return Feedback.message(formMessage, refusal);
    }

    /** Shows a message of the form's own choosing for this refusal, where the refusal belongs. */
    public void show(DomainException refusal, String message) {
        clear();
        Optional<HasValidation> field = field(refusal.field());
        if (field.isPresent()) {
            Feedback.invalid(field.get(), message);
            marked.add(field.get());
        } else {
            formMessage.setText(message);
            formMessage.setVisible(true);
        }
    }

    /** Takes back the last refusal shown, before the form is sent again. */
    public void clear() {
        marked.forEach(field -> field.setInvalid(false));
        marked.clear();
        formMessage.setText("");
        formMessage.setVisible(false);
    }

    /** The field that answers to a refusal's field name: a binding of that property first, then the other fields. */
    public Optional<HasValidation> field(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Optional<HasValidation> bound = binder.getBinding(name).map(Binder.Binding::getField)
                .filter(HasValidation.class::isInstance).map(HasValidation.class::cast);
        if (bound.isPresent()) {
            return bound;
        }
        return otherFields.stream().map(lookup -> lookup.apply(name)).flatMap(Optional::stream)
                .<HasValidation>map(HasValidation.class::cast).findFirst();
    }
}
