package dev.ordino.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A back-office grid's filters behind one "Filters (2)" button, so that on a phone the grid's rows
 * fit in the first screen. The button counts the filters in use, so a hidden filter is never a
 * surprise. Place {@link #toggle} beside the grid's search box and this panel below it.
 */
public class CollapsibleFilters extends FlexLayout {

    public final Button toggle = new Button();
    private final List<HasValue<?, ?>> fields = new ArrayList<>();
    private boolean openOnWideScreens;

    public CollapsibleFilters(String id, Component... filters) {
        setId(id);
        toggle.setId(id + "-toggle");
        toggle.setIcon(VaadinIcon.FILTER.create());
        toggle.addClickListener(e -> setVisible(!isVisible()));
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        getStyle().set("gap", "var(--lumo-space-s)");
        setVisible(false);
        add(filters);
        for (Component filter : filters) {
            if (filter instanceof HasValue<?, ?> field) {
                // Two to a row on a phone instead of one narrow field per line; a steady width on a laptop.
                filter.getElement().getStyle().set("flex", "1 1 9rem").set("max-width", "14rem").set("min-width", "0");
                fields.add(field);
                field.addValueChangeListener(e -> count());
            }
        }
        count();
    }

    /** Shown at once on a laptop, where there is room for them; still collapsed on a phone. */
    public CollapsibleFilters openOnWideScreens() {
        this.openOnWideScreens = true;
        return this;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        if (openOnWideScreens) {
            SmallScreens.ask(event.getUI(), phone -> setVisible(!phone));
        }
    }

    /** How many filters narrow the list now. */
    public long active() {
        return fields.stream().map(HasValue::getValue).filter(CollapsibleFilters::narrows).count();
    }

    private static boolean narrows(Object value) {
        return value != null && !(value instanceof String text && text.isBlank())
                && !(value instanceof Collection<?> many && many.isEmpty());
    }

    private void count() {
        long active = active();
        toggle.setText(active == 0 ? getTranslation("admin.filters") : getTranslation("admin.filters-active", active));
    }
}
