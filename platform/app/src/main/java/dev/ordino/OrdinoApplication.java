package dev.ordino;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ordino: a self-hosted order platform. The theme comes from the ordino-ui-theme jar. */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("themes/ordino/styles.css")
@Push
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class OrdinoApplication implements AppShellConfigurator {

    /** The shop's logo as the tab's icon, or a neutral mark until there is one. */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addLink("icon", "images/favicon");
    }

    public static void main(String[] args) {
        SpringApplication.run(OrdinoApplication.class, args);
    }
}
