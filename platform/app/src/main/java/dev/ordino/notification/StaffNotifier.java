package dev.ordino.notification;

import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.OrderPlaced;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells staff about new orders through every started notification channel. Runs after the
 * order's transaction commits, from Spring Modulith's event publication registry: an event whose
 * delivery fails stays recorded as incomplete, never lost.
 */
@Component
class StaffNotifier {

    private static final Logger log = LoggerFactory.getLogger(StaffNotifier.class);

    private final PluginHost plugins;
    private final StoreCurrency currency;

    StaffNotifier(PluginHost plugins, StoreCurrency currency) {
        this.plugins = plugins;
        this.currency = currency;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) throws NotificationChannel.ChannelException {
        NotificationMessage message = new NotificationMessage("order-placed:" + event.orderId(), "staff",
                "New order " + event.number(),
                event.items() + " item(s), " + currency.display(event.total()) + ", paid from the wallet",
                List.of(), Map.of("orderId", Long.toString(event.orderId())));
        for (NotificationChannel channel : plugins.extensions(NotificationChannel.class)) {
            try {
                channel.send(plugins.contextFor(channel, "channel:" + channel.key(), Map.of()), message);
            } catch (RuntimeException e) {
                log.warn("Channel {} could not send {}: {}", channel.key(), message.id(), e.toString());
            }
        }
    }
}
