package dev.ordino.reseller.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.DomainException;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.base.ui.Feedback;
import dev.ordino.base.ui.MainLayout;
import dev.ordino.reseller.MassOrders;
import dev.ordino.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/**
 * Mass order as on SMM panels: one {@code service_id|link|quantity} per line, a preview that judges
 * every line and the total against the balance, then every line placed at once, or none.
 */
@Route(value = "mass-order", layout = MainLayout.class)
@PermitAll
public class MassOrderView extends VerticalLayout implements HasDynamicTitle {

    final TextArea text = new TextArea();
    final Button preview = new Button();
    final Button place = new Button();
    final Grid<MassOrders.LineResult> lines = new Grid<>();
    final Span total = new Span();

    private final MassOrders massOrders;
    private final StoreCurrency currency;
    private final CurrentUser currentUser;
    private final long user;
    /** One key per previewed text: a double click on Place places once. */
    private String idempotencyKey;

    public MassOrderView(MassOrders massOrders, StoreCurrency currency, CurrentUser currentUser) {
        this.massOrders = massOrders;
        this.currency = currency;
        this.currentUser = currentUser;
        this.user = currentUser.requireId();
        addClassName("ordino-page");
        setPadding(false);

        text.setId("mass-text");
        text.setLabel(getTranslation("mass.text"));
        text.setHelperText(getTranslation("mass.format"));
        text.setPlaceholder("12|https://www.instagram.com/example|1000");
        text.setWidthFull();
        text.setMinHeight("12em");
        text.addValueChangeListener(e -> {
            place.setEnabled(false);
            idempotencyKey = null;
        });
        preview.setText(getTranslation("mass.preview"));
        preview.setId("mass-preview");
        preview.addClickListener(e -> preview());
        place.setText(getTranslation("mass.place"));
        place.setId("mass-place");
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        place.setEnabled(false);
        place.addClickListener(e -> place());
        total.setId("mass-total");

        lines.setId("mass-lines");
        lines.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        lines.addColumn(MassOrders.LineResult::line).setHeader(getTranslation("mass.line")).setAutoWidth(true).setFlexGrow(0);
        lines.addColumn(l -> l.ok() ? getTranslation("mass.ok") : l.error()).setHeader(getTranslation("mass.verdict"));
        lines.addColumn(l -> l.total() == null ? "" : currency.display(l.total())).setHeader(getTranslation("mass.amount"));
        lines.setAllRowsVisible(true);
        lines.setVisible(false);

        add(new H2(getTranslation("mass.title")), text, new HorizontalLayout(preview, place), lines, new Div(total));
    }

    void preview() {
        try {
            MassOrders.Result result = massOrders.preview(user, text.getValue());
            show(result);
            place.setEnabled(result.valid());
            idempotencyKey = result.valid() ? UUID.randomUUID().toString() : null;
        } catch (DomainException e) {
            Feedback.invalid(text, Feedback.message(this, e));
        }
    }

    void place() {
        try {
            MassOrders.Result result = massOrders.place(user, currentUser.email().orElse(null), text.getValue(), idempotencyKey);
            show(result);
            if (result.placed()) {
                place.setEnabled(false);
                Feedback.success(getTranslation("mass.placed", result.orders().size(), currency.display(result.total())));
            }
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
    }

    private void show(MassOrders.Result result) {
        text.setInvalid(false);
        lines.setItems(result.lines());
        lines.setVisible(true);
        total.setText(getTranslation("mass.total", currency.display(result.total())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mass.title");
    }
}
