package dev.ordino.ordering.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.Feedback;
import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderView;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/**
 * Staff hand a pickup order over against its booking code, on a phone: the code field has focus
 * for typing, and the QR code on the customer's order opens {@code /admin/handover/<code>} (the
 * phone's camera app does the scanning) with the code filled in and its order shown.
 */
@Route(value = "admin/handover/:code?", layout = AdminLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class HandoverDeskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final TextField code = new TextField();
    final Button handOver = new Button();
    final Div found = new Div();

    private final Handovers handovers;
    private final String actor;

    public HandoverDeskView(Handovers handovers, CurrentUser currentUser) {
        this.handovers = handovers;
        this.actor = currentUser.email().orElse("staff");
        addClassName("ordino-page");
        code.setId("handover-code");
        code.setLabel(getTranslation("admin.handover.code"));
        code.setMaxLength(20);
        code.setWidthFull();
        code.setAutofocus(true);
        code.getElement().setAttribute("autocapitalize", "characters");
        code.getElement().setAttribute("autocomplete", "off");
        code.addValueChangeListener(e -> lookUp());
        handOver.setId("handover-submit");
        handOver.setText(getTranslation("admin.handover.submit"));
        handOver.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        handOver.setWidthFull();
        handOver.addClickShortcut(Key.ENTER);
        handOver.setDisableOnClick(true);
        handOver.addClickListener(e -> handOver());
        found.setId("handover-order");
        found.addClassName("ordino-card");
        found.setVisible(false);
        setMaxWidth("32rem");
        add(new H2(getTranslation("admin.handover.title")), code, found, handOver);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("code").ifPresent(code::setValue);
        code.focus();
    }

    /** Shows which order the code belongs to, so staff hand over the right parcel. */
    void lookUp() {
        found.removeAll();
        var order = handovers.orderWithCode(code.getValue());
        order.ifPresent(o -> show(o, "admin.handover.found"));
        found.setVisible(order.isPresent());
    }

    void handOver() {
        try {
            OrderView order = handovers.handOver(code.getValue(), actor);
            code.clear();
            found.removeAll();
            show(order, "admin.handover.done");
            found.setVisible(true);
            Feedback.success(getTranslation("admin.handover.done", order.number()));
        } catch (DomainException e) {
            Feedback.invalid(code, Feedback.message(this, e));
        }
        handOver.setEnabled(true);
        code.focus();
    }

    private void show(OrderView order, String key) {
        found.add(new Div(getTranslation(key, order.number())));
        order.items().forEach(i -> found.add(new Div(i.quantity() + " × " + i.name())));
        found.getElement().setAttribute("data-status", order.status().key());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.handover.title") + " · " + getTranslation("app.name");
    }
}
