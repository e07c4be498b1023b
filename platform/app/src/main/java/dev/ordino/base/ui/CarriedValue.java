package dev.ordino.base.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.shared.Registration;

/**
 * A record component a form carries without a field of its own, so that {@code Binder.writeRecord}
 * (which wants every component bound) builds the whole record: the id of what is edited, or a
 * value the form does not let anyone change, written back as it was read. Not shown, never invalid.
 */
public final class CarriedValue<T> implements HasValue<HasValue.ValueChangeEvent<T>, T> {

    private T value;

    private CarriedValue() {
    }

    /** Keeps what the record read into the form had, unchanged. */
    public static <T> CarriedValue<T> kept() {
        return new CarriedValue<>();
    }

    @Override
    public void setValue(T value) {
        this.value = value;
    }

    @Override
    public T getValue() {
        return value;
    }

    @Override
    public Registration addValueChangeListener(ValueChangeListener<? super ValueChangeEvent<T>> listener) {
        return () -> { };
    }

    @Override
    public void setReadOnly(boolean readOnly) {
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public void setRequiredIndicatorVisible(boolean requiredIndicatorVisible) {
    }

    @Override
    public boolean isRequiredIndicatorVisible() {
        return false;
    }
}
