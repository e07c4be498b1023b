package dev.ordino.notification;

import dev.ordino.base.UtcTime;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.OrderPlaced;
import dev.ordino.payment.PaymentReportedPaid;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells staff about new orders (and payments customers say they sent) through every started notification channel. Runs after the
 * order's transaction commits, from Spring Modulith's event publication registry, on the
 * notifications' own threads ({@link NotificationConfiguration}), never on those that send orders
 * to providers. Every channel is tried, each behind the plugin boundary with its deadline; if one
 * failed, the publication is left incomplete and is replayed. A replay sends nothing twice: each
 * channel that carried a message is recorded in {@code notification_delivery} and skipped next
 * time (a crash between sending and recording can still repeat one message).
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

    @Async(NotificationConfiguration.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(OrderPlaced event) {
        NotificationMessage message = new NotificationMessage("order-placed:" + event.orderId(), "staff",
                "New order " + event.number(),
                event.items() + " item(s), " + currency.display(event.total()) + ", paid from the wallet",
                List.of(), Map.of("orderId", Long.toString(event.orderId())));
        send(message);
    }

    /** A customer says a pending payment was sent: staff check the bank and confirm or reject it. */
    @Async(NotificationConfiguration.EXECUTOR)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(PaymentReportedPaid event) {
        send(new NotificationMessage("payment-reported-paid:" + event.paymentId(), "staff",
                "Customer says payment " + event.reference() + " was sent",
                currency.display(event.amount()) + " via " + event.gatewayName() + "; check it arrived, then confirm or reject it "
                        + "on the Payments page", List.of(), Map.of("paymentId", Long.toString(event.paymentId()))));
    }

    private void send(NotificationMessage message) {
        List<String> failed = new ArrayList<>();
        for (NotificationChannel channel : plugins.extensions(NotificationChannel.class)) {
            String name = plugins.pluginIdOf(channel) + "/" + channel.key();
            if (delivered(message.id(), name)) {
                continue;
            }
            try {
                var context = plugins.contextFor(channel, "channel:" + channel.key(), Map.of());
                PluginCalls.Target target = new PluginCalls.Target("channel:" + name, name, "channel", PluginCalls.HealthSink.NONE);
                plugins.calls().guard(NotificationChannel.class, channel, target, PluginCalls.Kind.NOTIFICATION, context)
                        .send(context, message);
                jdbc.sql("INSERT IGNORE INTO notification_delivery (message_id, channel, sent_at) VALUES (?, ?, ?)")
                        .params(message.id(), name, UtcTime.column(clock.instant())).update();
            } catch (NotificationChannel.ChannelException | RuntimeException e) {
                log.warn("Channel {} could not send {}: {}", name, message.id(), e.getMessage());
                failed.add(name);
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("Not sent through " + String.join(", ", failed) + "; delivered again later");
        }
    }

    private boolean delivered(String messageId, String channel) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE message_id = ? AND channel = ?")
                .params(messageId, channel).query(Long.class).single() > 0;
    }
}
