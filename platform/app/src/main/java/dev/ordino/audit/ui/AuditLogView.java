package dev.ordino.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.audit.AuditLog;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Who did what to which thing: revealed and voided codes, newest first, filtered by target. */
@Route(value = "admin/audit", layout = AdminLayout.class)
@RolesAllowed(Roles.ADMIN)
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("UTC"));

    final TextField target = new TextField();
    final Grid<AuditLog.Entry> entries = new Grid<>();

    public AuditLogView(AuditLog audit) {
        addClassName("ordino-page");
        target.setLabel(getTranslation("admin.audit.target"));
        target.setPlaceholder("code:12");
        target.setValueChangeMode(ValueChangeMode.LAZY);
        entries.addColumn(e -> WHEN.format(e.at())).setHeader(getTranslation("admin.audit.at"));
        entries.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("admin.audit.actor"));
        entries.addColumn(e -> getTranslation("audit-action." + e.action())).setHeader(getTranslation("admin.audit.action"));
        entries.addColumn(AuditLog.Entry::target).setHeader(getTranslation("admin.audit.target"));
        entries.addColumn(AuditLog.Entry::detail).setHeader(getTranslation("admin.audit.detail"));
        entries.setItems(query -> audit.recent(null, target.getValue(), query.getOffset(), query.getLimit()).stream());
        target.addValueChangeListener(e -> entries.getDataProvider().refreshAll());
        add(new H2(getTranslation("admin.audit.title")), target, entries);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.audit.title");
    }
}
