package dev.ordino.notification;

import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.OrderPlaced;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells staff about new orders through every started notification channel. Runs after the
 * order's transaction commits, from Spring Modulith's event publication registry: an event whose
 * delivery fails stays recorded as incomplete, never lost, and is replayed. A replay sends nothing
 * twice: each channel that carried a message is recorded in {@code notification_delivery} and
 * skipped next time (a crash between sending and recording can still repeat one message).
 */
@Component
class StaffNotifier {

    private static final Logger log = LoggerFactory.getLogger(StaffNotifier.class);

    private final PluginHost plugins;
    private final StoreCurrency currency;
    private final JdbcClient jdbc;
    private final Clock clock;

    StaffNotifier(PluginHost plugins, StoreCurrency currency, JdbcClient jdbc, Clock clock) {
        this.plugins = plugins;
        this.currency = currency;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) throws NotificationChannel.ChannelException {
        NotificationMessage message = new NotificationMessage("order-placed:" + event.orderId(), "staff",
                "New order " + event.number(),
                event.items() + " item(s), " + currency.display(event.total()) + ", paid from the wallet",
                List.of(), Map.of("orderId", Long.toString(event.orderId())));
        for (NotificationChannel channel : plugins.extensions(NotificationChannel.class)) {
            if (delivered(message.id(), channel.key())) {
                continue;
            }
            try {
                channel.send(plugins.contextFor(channel, "channel:" + channel.key(), Map.of()), message);
                jdbc.sql("INSERT IGNORE INTO notification_delivery (message_id, channel, sent_at) VALUES (?, ?, ?)")
                        .params(message.id(), channel.key(), UtcTime.column(clock.instant())).update();
            } catch (RuntimeException e) {
                log.warn("Channel {} could not send {}: {}", channel.key(), message.id(), e.toString());
            }
        }
    }

    private boolean delivered(String messageId, String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE message_id = ? AND channel = ?")
                .params(messageId, channel).query(Long.class).single() > 0;
    }
}
