package dev.ordino.base.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.shared.Registration;
import java.util.function.Supplier;

/**
 * A record component a form carries without a field of its own, so that {@code Binder.writeRecord}
 * (which wants every component bound) builds the whole record: the id of what is edited, a value
 * the form does not let anyone change, or a value put together by several components (a plugin's
 * settings). Not shown, never invalid.
 */
public final class CarriedValue<T> implements HasValue<HasValue.ValueChangeEvent<T>, T> {

    private final Supplier<T> source;
    private T value;

    private CarriedValue(Supplier<T> source) {
        this.source = source;
    }

    /** Keeps what the record read into the form had, unchanged. */
    public static <T> CarriedValue<T> kept() {
        return new CarriedValue<>(null);
    }

    /** Writes what the source gives at the time the record is written. */
    public static <T> CarriedValue<T> from(Supplier<T> source) {
        return new CarriedValue<>(source);
    }

    /** What the record read into the form had. */
    public T read() {
        return value;
    }

    @Override
    public void setValue(T value) {
        this.value = value;
    }

    @Override
    public T getValue() {
        return source == null ? value : source.get();
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
