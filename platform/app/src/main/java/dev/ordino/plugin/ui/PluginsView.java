package dev.ordino.plugin.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import dev.ordino.base.ui.AdminLayout;
import dev.ordino.base.ui.HealthBadge;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.PluginInfo;
import dev.ordino.plugin.api.PluginApi;
import dev.ordino.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Every plugin found: id, version, state, extensions and, if it failed, why. */
@Route(value = "admin/plugins", layout = AdminLayout.class)
@RolesAllowed(Roles.ADMIN)
public class PluginsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<PluginInfo> grid = new Grid<>();
    final Grid<PluginCalls.InstanceHealth> instances = new Grid<>();

    public PluginsView(PluginHost host) {
        addClassName("ordino-page");
        setPadding(false);
        setSizeFull();

        Paragraph intro = new Paragraph(getTranslation("admin.plugins.intro", PluginApi.version(),
                host.roots().stream().map(Path::toString).collect(Collectors.joining(", "))));
        intro.addClassName("ordino-muted");

        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        // One card per plugin: reads well on a phone and on a wide screen alike.
        grid.addColumn(new ComponentRenderer<>(this::card)).setHeader(getTranslation("admin.plugins.title"))
                .setKey("plugin");

        List<PluginInfo> plugins = host.listPlugins();
        grid.setItems(plugins); // bounded by the plugins folder: no paging needed
        grid.setAllRowsVisible(true);

        Div empty = new Div(getTranslation("admin.plugins.empty"));
        empty.setId("plugins-empty");
        empty.addClassName("ordino-card");
        empty.setVisible(plugins.isEmpty());
        grid.setVisible(!plugins.isEmpty());

        // Health of each configured instance called since this node started: counts are this node's.
        instances.setId("plugin-instances-grid");
        instances.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        instances.addColumn(PluginCalls.InstanceHealth::name).setHeader(getTranslation("admin.plugins.instances"));
        instances.addColumn(new ComponentRenderer<>(h -> new HealthBadge(h.health().word(), h.lastError())))
                .setKey("health");
        instances.addColumn(h -> getTranslation("admin.plugins.calls", h.callsLastHour(), h.failuresLastHour()));
        instances.addColumn(h -> h.lastError() == null ? "" : h.lastError());
        List<PluginCalls.InstanceHealth> seen = host.calls().health();
        instances.setItems(seen);
        instances.setAllRowsVisible(true);
        instances.setVisible(!seen.isEmpty());
        add(intro, empty, grid, instances);
    }

    private Span stateBadge(PluginInfo plugin) {
        Span badge = new Span(getTranslation("admin.plugins.status." + plugin.status().name().toLowerCase()));
        badge.addClassName("ordino-state");
        badge.getElement().setAttribute("data-state", plugin.status().name());
        return badge;
    }

    private Div card(PluginInfo plugin) {
        Span id = new Span(plugin.id());
        id.getStyle().set("font-weight", "600");
        Span version = new Span(plugin.version());
        version.addClassName("ordino-muted");
        Div heading = new Div(id, new Span(" "), version, new Span(" "), stateBadge(plugin));
        heading.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "center");
        Div details = new Div(heading);
        details.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-xs) 0");
        if (!plugin.description().isBlank()) {
            details.add(new Div(plugin.description()));
        }
        if (!plugin.extensions().isEmpty()) {
            Div extensions = new Div(getTranslation("admin.plugins.extensions", String.join(", ", plugin.extensions())));
            extensions.addClassName("ordino-muted");
            details.add(extensions);
        }
        if (plugin.error() != null) {
            Div error = new Div(plugin.error());
            error.addClassName("ordino-error-text");
            details.add(error);
        }
        Div file = new Div(plugin.path() == null ? "" : plugin.path().getFileName().toString());
        file.addClassName("ordino-muted");
        details.add(file);
        return details;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.plugins.title") + " · " + getTranslation("app.name");
    }
}
