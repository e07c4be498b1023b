package dev.ordino.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.ordino.KaribuTest;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.notification.ChannelInstances.ChannelView;
import dev.ordino.security.Roles;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin sets up an e-mail channel from the plugin's own settings form and checks it with a test message to a real SMTP server. */
class ChannelsAdminViewTest extends KaribuTest {

    @Autowired
    ChannelInstances channels;
    @Autowired
    JdbcClient jdbc;

    MailServer smtp;
    String name = "Mail " + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void startMailServer() {
        smtp = new MailServer().start();
    }

    @AfterEach
    void stopMailServer() {
        // Later tests in this JVM must not mail through a server that is gone.
        jdbc.sql("UPDATE notification_channel SET enabled = 0 WHERE name = ?").param(name).update();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anAdminAddsAnEmailChannelThroughItsSettingsFormAndATestMessageReachesTheStaffAddress() throws Exception {
        signIn("admin@example.com", Roles.ADMIN);
        UI.getCurrent().navigate("admin/channels");
        ChannelsAdminView view = _get(ChannelsAdminView.class);
        NotificationsKt.clearNotifications();

        ChannelEditor editor = view.editor(null);
        editor.plugin.setValue("notify-email");
        editor.name.setValue(name);
        _get(editor, TextField.class, spec -> spec.withId("channel-setting-host")).setValue("127.0.0.1");
        _get(editor, TextField.class, spec -> spec.withId("channel-setting-port")).setValue(Integer.toString(smtp.port()));
        _get(editor, TextField.class, spec -> spec.withId("channel-setting-from")).setValue("Shop <orders@shop.example>");
        _get(editor, TextField.class, spec -> spec.withId("channel-setting-staffAddress")).setValue("staff@shop.example");
        @SuppressWarnings("unchecked")
        Select<String> tls = _get(editor, Select.class, spec -> spec.withId("channel-setting-tls"));
        tls.setValue("none");
        editor.staffEvents.setValue(java.util.Set.of("order_placed", "provider_attention"));
        editor.submit();
        assertThat(editor.isOpened()).isFalse();
        NotificationsKt.expectNotifications("Channel saved");

        ChannelView saved = channels.list().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.plugin()).isEqualTo("notify-email");
        assertThat(saved.enabled()).isTrue();
        assertThat(saved.staffEvents()).containsExactlyInAnyOrder("order_placed", "provider_attention");
        assertThat(saved.lastResult()).isNull();
        int row = rowOf(view, saved);
        assertThat(GridKt._getCellComponent(view.grid, row, "channel").getElement().getTextRecursively())
                .contains(name).contains("Nothing sent yet");

        button(view, saved.id(), "channel-test-").click();
        NotificationsKt.expectNotifications("Test message sent through " + name);
        eventually(() -> smtp.mailsTo("staff@shop.example").size() == 1);
        assertThat(smtp.mailsTo("staff@shop.example").getFirst().getSubject()).contains(name);
        // The send is the channel's health now, on its card.
        assertThat(channels.list().stream().filter(c -> c.id() == saved.id()).findFirst().orElseThrow().lastResult()).isEqualTo("sent");
        assertThat(GridKt._getCellComponent(view.grid, rowOf(view, saved), "channel").getElement().getTextRecursively())
                .contains("Last send: sent");
    }

    @Test
    void aTestMessageToAServerThatIsDownSaysWhyAndMarksTheChannelFailed() {
        signIn("admin@example.com", Roles.ADMIN);
        int port = smtp.port();
        smtp.stop();
        smtp = null; // down for good in this test
        long id = channels.create(new ChannelInstances.ChannelForm(name, "notify-email", java.util.Map.of("host", "127.0.0.1",
                "port", Integer.toString(port), "from", "orders@shop.example", "tls", "none", "staffAddress", "staff@shop.example"),
                true, List.of(), null)).id();
        UI.getCurrent().navigate("admin/channels");
        ChannelsAdminView view = _get(ChannelsAdminView.class);
        NotificationsKt.clearNotifications();

        button(view, id, "channel-test-").click();
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).startsWith("The test message through " + name + " failed"));
        ChannelView after = channels.list().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(after.lastResult()).isEqualTo("failed");
        assertThat(GridKt._getCellComponent(view.grid, rowOf(view, after), "channel").getElement().getTextRecursively())
                .contains("Last send: failed");
    }

    /** A button on a channel's card (the grid renders cards, so they are found through the row). */
    private static Button button(ChannelsAdminView view, long channelId, String idPrefix) {
        ChannelView channel = GridKt._fetch(view.grid, 0, GridKt._size(view.grid)).stream().filter(c -> c.id() == channelId)
                .findFirst().orElseThrow();
        return _get(GridKt._getCellComponent(view.grid, rowOf(view, channel), "channel"), Button.class,
                spec -> spec.withId(idPrefix + channelId));
    }

    private static int rowOf(ChannelsAdminView view, ChannelView channel) {
        List<ChannelView> shown = GridKt._fetch(view.grid, 0, GridKt._size(view.grid));
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id() == channel.id()) {
                return i;
            }
        }
        throw new AssertionError(channel.name() + " is not in the grid");
    }
}
