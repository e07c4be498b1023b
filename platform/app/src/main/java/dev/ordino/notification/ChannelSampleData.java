package dev.ordino.notification;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A shop with no channel yet gets one for staff from a started channel plugin that reaches no
 * customer and needs no settings (the application log): staff hear about orders from the first
 * start, as before channels were configured per instance. Off with {@code ORDINO_NOTIFICATIONS_LOG_CHANNEL=false}.
 */
@Component
@Order(3)
class ChannelSampleData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChannelSampleData.class);

    private final ChannelInstances channels;
    private final JdbcClient jdbc;
    private final boolean enabled;

    ChannelSampleData(ChannelInstances channels, JdbcClient jdbc, @Value("${ordino.notifications.log-channel:true}") boolean enabled) {
        this.channels = channels;
        this.jdbc = jdbc;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("SELECT COUNT(*) FROM notification_channel").query(Long.class).single() > 0) {
            return;
        }
        channels.staffOnlyWithoutSettings().ifPresent(plugin -> {
            try {
                channels.insert(new ChannelInstances.ChannelForm(plugin.displayName(), plugin.pluginId(), Map.of(), true, null, null));
                log.info("Staff notifications go to {} until channels are configured", plugin.displayName());
            } catch (RuntimeException e) {
                log.warn("No staff channel configured: {}", e.getMessage());
            }
        });
    }
}
