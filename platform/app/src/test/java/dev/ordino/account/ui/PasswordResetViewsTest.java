package dev.ordino.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.EmailField;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.security.ui.LoginView;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Forgot password" is offered only while a reset mail can be sent, and its page answers alike for any address. */
class PasswordResetViewsTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    ChannelInstances channels;
    @Autowired
    JdbcClient jdbc;

    @Test
    void forgotPasswordAppearsOnceAnEmailChannelIsEnabledAndLeadsToTheResetPage() {
        jdbc.sql("UPDATE notification_channel SET enabled = 0 WHERE recipient_kind = 'email'").update();
        UI.getCurrent().navigate("login");
        assertThat(_get(LoginView.class).getChildren().filter(LoginForm.class::isInstance).map(LoginForm.class::cast).findFirst()
                .orElseThrow().isForgotPasswordButtonVisible()).isFalse();

        long id = actors.asAdmin(() -> channels.create(new ChannelInstances.ChannelForm("Reset mail " + System.nanoTime(),
                "notify-email", Map.of("host", "127.0.0.1", "port", "1", "from", "shop@shop.example", "tls", "none"), true, null,
                null))).id();
        try {
            UI.getCurrent().navigate("login");
            assertThat(_get(LoginView.class).getChildren().filter(LoginForm.class::isInstance).map(LoginForm.class::cast).findFirst()
                    .orElseThrow().isForgotPasswordButtonVisible()).isTrue();

            UI.getCurrent().navigate("reset-password");
            _get(EmailField.class, spec -> spec.withId("reset-email")).setValue("nobody@example.com");
            _get(Button.class, spec -> spec.withId("reset-send")).click();
            assertThat(_get(Paragraph.class, spec -> spec.withId("reset-result")).getText())
                    .isEqualTo("If an account has this address, a link is on its way. It works for an hour.");

            UI.getCurrent().navigate("reset-password", com.vaadin.flow.router.QueryParameters.of("token", "made-up"));
            LocatorJ._get(com.vaadin.flow.component.textfield.PasswordField.class, spec -> spec.withId("reset-password"))
                    .setValue("password-123");
            _get(Button.class, spec -> spec.withId("reset-save")).click();
            assertThat(_get(Paragraph.class, spec -> spec.withId("reset-result")).getText())
                    .isEqualTo("This link was used already, has expired or is unknown.");
        } finally {
            jdbc.sql("UPDATE notification_channel SET enabled = 0 WHERE id = ?").param(id).update();
        }
    }
}
