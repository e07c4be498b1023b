package dev.ordino.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.ordino.KaribuTest;
import dev.ordino.base.UtcTime;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.notification.ChannelInstances.ChannelView;
import dev.ordino.notification.Deliveries.DeliveryView;
import dev.ordino.security.Roles;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff find a notification the channel gave up on by filtering the log, and send it again: it goes
 * back to the queue and reaches its recipient once the mail server takes it.
 */
class NotificationLogViewTest extends KaribuTest {

    @Autowired
    ChannelInstances channels;
    @Autowired
    JdbcClient jdbc;

    MailServer smtp;
    String name = "Log " + UUID.randomUUID().toString().substring(0, 8);
    ChannelView channel;

    @BeforeEach
    void channelWithAMailServer() {
        smtp = new MailServer().start();
        signIn("admin@example.com", Roles.ADMIN);
        channel = channels.create(new ChannelInstances.ChannelForm(name, "notify-email", Map.of("host", "127.0.0.1",
                "port", Integer.toString(smtp.port()), "from", "orders@shop.example", "tls", "none"), true, List.of(), null));
    }

    @AfterEach
    void stopMailServer() {
        jdbc.sql("UPDATE notification_channel SET enabled = 0 WHERE id = ?").param(channel.id()).update();
        smtp.stop();
    }

    /** A row as the outbox holds it after its channel's tries ran out (or after it went out). */
    long delivery(String state, String recipient, String lastError) {
        Instant then = Instant.now().minus(2, ChronoUnit.DAYS);
        jdbc.sql("INSERT INTO notification_delivery (message_id, channel, channel_id, event, recipient, locale, subject, body_text, "
                        + "body_html, data, state, attempts, last_error, next_attempt_at, give_up_at, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'order_placed', ?, 'en', 'New order 77', 'Order 77 placed', NULL, '{}', ?, 9, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), "channel:" + channel.id(), channel.id(), recipient, state, lastError,
                        UtcTime.column(then), UtcTime.column(then.plus(1, ChronoUnit.DAYS)), UtcTime.column(then), UtcTime.column(then))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM notification_delivery").query(Long.class).single();
    }

    @Test
    void aDeadNotificationFoundByStateAndChannelIsResentAfterConfirmationAndReachesItsRecipient() throws Exception {
        long dead = delivery("dead", "boss@shop.example", "Connection refused");
        long sent = delivery("sent", "boss@shop.example", null);
        UI.getCurrent().navigate("admin/notifications");
        NotificationLogView view = _get(NotificationLogView.class);

        view.channel.setValue(view.channel.getListDataView().getItems().filter(c -> c.id() == channel.id()).findFirst().orElseThrow());
        assertThat(shown(view)).containsExactly(sent, dead);
        view.state.setValue("dead");
        assertThat(shown(view)).containsExactly(dead);
        assertThat(GridKt._getCellComponent(view.grid, 0, "delivery").getElement().getTextRecursively())
                .contains("Order placed").contains(name).contains("boss@shop.example").contains("Given up").contains("attempts: 9")
                .contains("Connection refused");

        NotificationsKt.clearNotifications();
        _get(GridKt._getCellComponent(view.grid, 0, "delivery"), Button.class, spec -> spec.withId("delivery-resend-" + dead)).click();
        ConfirmDialog sure = _get(ConfirmDialog.class, spec -> spec.withId("resend-dialog"));
        ConfirmDialogKt._fireConfirm(sure);
        NotificationsKt.expectNotifications("Notification queued to be sent again");
        // Back in the queue, due now, with a fresh retry window: no longer among the dead.
        assertThat(stateOf(dead)).isIn("pending", "sent");
        assertThat(jdbc.sql("SELECT give_up_at > NOW(6) FROM notification_delivery WHERE id = ?").param(dead).query(Boolean.class)
                .single()).isTrue();
        assertThat(shown(view)).isEmpty();
        assertThat(view.grid.getEmptyStateText()).startsWith("No notifications match");

        eventually(() -> "sent".equals(stateOf(dead)));
        assertThat(smtp.withSubject("New order 77")).hasSize(1);
        assertThat(stateOf(sent)).isEqualTo("sent");
    }

    private String stateOf(long id) {
        return jdbc.sql("SELECT state FROM notification_delivery WHERE id = ?").param(id).query(String.class).single();
    }

    private static List<Long> shown(NotificationLogView view) {
        return GridKt._fetch(view.grid, 0, 100).stream().map(DeliveryView::id).toList();
    }
}
