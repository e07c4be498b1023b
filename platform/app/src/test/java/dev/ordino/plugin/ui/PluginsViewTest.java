package dev.ordino.plugin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.ordino.KaribuTest;
import dev.ordino.plugin.PluginInfo;
import dev.ordino.security.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginsViewTest extends KaribuTest {

    @Test
    void theAdminSeesTheBundledPluginStartedWithItsExtension() {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/plugins");
        PluginsView view = _get(PluginsView.class);

        List<PluginInfo> rows = GridKt._findAll(view.grid);
        PluginInfo notifyLog = rows.stream().filter(p -> p.id().equals("notify-log")).findFirst().orElseThrow();
        assertThat(notifyLog.status()).isEqualTo(PluginInfo.Status.STARTED);
        assertThat(notifyLog.extensions()).containsExactly("NotificationChannel: LogNotificationChannel");
        assertThat(notifyLog.version()).isNotBlank();
        Component card = GridKt._getCellComponent(view.grid, rows.indexOf(notifyLog), "plugin");
        _get(card, Span.class, spec -> spec.withText("notify-log"));
        _get(card, Span.class, spec -> spec.withText("Started").withClasses("ordino-state"));
        _get(card, Div.class, spec -> spec.withText("Extensions: NotificationChannel: LogNotificationChannel"));
    }
}
