package dev.ordino.stock.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.ordino.base.DomainException;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.Feedback;
import dev.ordino.catalog.CatalogService;
import dev.ordino.catalog.OfferingFilter;
import dev.ordino.catalog.OfferingKind;
import dev.ordino.catalog.OfferingView;
import dev.ordino.security.CurrentUser;
import dev.ordino.security.Roles;
import dev.ordino.stock.CodeStock;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * The code stock of a digital offering: counts per state, a bulk upload (pasted lines or a TXT/CSV
 * file) previewed before it is saved, and the codes, masked, with an audited reveal and void.
 */
@Route(value = "admin/stock", layout = AdminLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.STAFF})
public class StockView extends VerticalLayout implements HasDynamicTitle {

    /** The largest file taken, as the REST upload. */
    static final int MAX_FILE = 5 * 1024 * 1024;

    final Select<OfferingView> offering = new Select<>();
    final Span counts = new Span();
    final TextArea lines = new TextArea();
    final Upload file;
    final Button preview = new Button();
    final Button save = new Button();
    final Div report = new Div();
    final Grid<CodeStock.CodeRow> codes = new Grid<>();

    private final CodeStock stock;
    private final CurrentUser currentUser;

    public StockView(CodeStock stock, CatalogService catalog, CurrentUser currentUser) {
        this.stock = stock;
        this.currentUser = currentUser;
        addClassName("ordino-page");
        offering.setLabel(getTranslation("admin.stock.offering"));
        offering.setItems(catalog.offerings(new OfferingFilter(null, OfferingKind.DIGITAL, null, true), PageRequest.of(0, 500))
                .getContent());
        offering.setItemLabelGenerator(OfferingView::name);
        offering.addValueChangeListener(e -> refresh());
        counts.setId("stock-counts");
        lines.setLabel(getTranslation("admin.stock.paste"));
        lines.setWidthFull();
        lines.setId("stock-lines");
        file = new Upload(UploadHandler.inMemory((metadata, bytes) ->
                getUI().ifPresent(ui -> ui.access(() -> lines.setValue(new String(bytes, StandardCharsets.UTF_8))))));
        file.setAcceptedFileTypes("text/plain", "text/csv", ".txt", ".csv");
        file.setMaxFileSize(MAX_FILE);
        preview.setText(getTranslation("admin.stock.preview"));
        preview.setId("stock-preview");
        preview.addClickListener(e -> upload(true));
        save.setText(getTranslation("admin.stock.save"));
        save.setId("stock-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> upload(false));
        lines.addValueChangeListener(e -> save.setEnabled(false)); // what is saved is what was previewed
        report.setId("stock-report");
        codes.addColumn(CodeStock.CodeRow::masked).setHeader(getTranslation("admin.stock.code"));
        codes.addColumn(c -> getTranslation("code-state." + c.state().key())).setHeader(getTranslation("admin.stock.state"));
        codes.addColumn(c -> c.orderId() == null ? "" : String.valueOf(c.orderId())).setHeader(getTranslation("admin.stock.order"));
        codes.addComponentColumn(this::actions);
        codes.setAllRowsVisible(true);
        add(new H2(getTranslation("admin.stock.title")), offering, counts, lines, file, new HorizontalLayout(preview, save), report,
                codes);
    }

    private void upload(boolean dryRun) {
        if (offering.isEmpty()) {
            Feedback.error(getTranslation("admin.stock.choose"));
            return;
        }
        try {
            CodeStock.UploadReport result = stock.upload(offering.getValue().id(), lines.getValue().lines().toList(), dryRun,
                    actor());
            report.setText(getTranslation(dryRun ? "admin.stock.previewed" : "admin.stock.saved", result.added(),
                    result.duplicates(), result.invalid())
                    + (result.duplicateLines().isEmpty() ? "" : " " + getTranslation("admin.stock.duplicate-lines",
                    list(result.duplicateLines())))
                    + (result.invalidLines().isEmpty() ? "" : " " + getTranslation("admin.stock.invalid-lines",
                    result.invalidLines().stream().map(i -> i.line() + " (" + getTranslation("code-invalid." + i.reason()) + ")")
                            .collect(Collectors.joining(", ")))));
            save.setEnabled(dryRun && result.added() > 0);
            if (!dryRun) {
                lines.clear();
                refresh();
            }
        } catch (DomainException e) {
            Feedback.error(Feedback.message(this, e));
        }
    }

    private HorizontalLayout actions(CodeStock.CodeRow code) {
        Button reveal = new Button(getTranslation("admin.stock.reveal"), e -> {
            String full = stock.reveal(code.id(), actor());
            Feedback.success(full);
        });
        Button voidCode = new Button(getTranslation("admin.stock.void"), e -> {
            try {
                stock.voidCode(code.id(), actor());
                refresh();
            } catch (DomainException ex) {
                Feedback.error(Feedback.message(this, ex));
            }
        });
        voidCode.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(reveal, voidCode);
    }

    private void refresh() {
        if (offering.isEmpty()) {
            return;
        }
        long id = offering.getValue().id();
        CodeStock.Counts c = stock.counts(id);
        counts.setText(getTranslation("admin.stock.counts", c.available(), c.reserved(), c.sold(), c.voided()));
        codes.setItems(stock.codes(id, null, 0, 200));
    }

    private String actor() {
        return currentUser.email().orElse("staff");
    }

    private static String list(List<Integer> numbers) {
        return numbers.stream().limit(50).map(String::valueOf).collect(Collectors.joining(", "))
                + (numbers.size() > 50 ? ", …" : "");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.stock.title");
    }
}
