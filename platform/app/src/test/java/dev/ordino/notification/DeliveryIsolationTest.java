package dev.ordino.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.Figures;
import dev.ordino.OrdinoTest;
import dev.ordino.base.UtcTime;
import dev.ordino.base.alerts.AdminAlerts;
import dev.ordino.base.crypto.SecretCipher;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.PluginLimits;
import dev.ordino.plugin.TestPluginHosts;
import dev.ordino.plugin.TestPluginJars;
import dev.ordino.plugin.faulty.FaultyChannels;
import dev.ordino.plugin.faulty.FaultyPlugins;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A throwing and a hanging channel beside the real notify-log plugin, each a configured instance:
 * a round of the delivery job sends through all side by side, none holds the others past the
 * channel deadline, the failures wait for their retry and the log channel's message is not sent again.
 */
@OrdinoTest
@ExtendWith(OutputCaptureExtension.class)
class DeliveryIsolationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretCipher cipher;
    @Autowired
    AdminAlerts alerts;
    @Autowired
    NotificationTexts texts;

    @TempDir
    Path folder;

    @Test
    void everyChannelIsTriedWithinTheDeadlineAndAFailureWaitsForItsRetry(CapturedOutput output) throws Exception {
        TestPluginJars.faultyPlugin(folder, "notify-throwing", FaultyPlugins.Quiet.class, FaultyChannels.Throwing.class);
        TestPluginJars.faultyPlugin(folder, "notify-hanging", FaultyPlugins.Quiet.class, FaultyChannels.Hanging.class);
        TestPluginJars.copyRealPlugin(folder);
        PluginHost host = TestPluginHosts.started(List.of(folder), new PluginLimits(null, null, null, Duration.ofSeconds(2), null,
                null, null, null, null, Duration.ofSeconds(1)));
        Clock clock = Clock.systemUTC();
        ChannelInstances channels = new ChannelInstances(jdbc, cipher, host, TestPluginHosts.instanceSettings(host, cipher), alerts,
                clock, texts);
        long suffix = System.nanoTime();
        List<Long> ids = List.of("notify-throwing", "notify-hanging", "notify-log").stream()
                .map(plugin -> channels.insert(new ChannelInstances.ChannelForm(plugin + " " + suffix, plugin, Map.of(), true,
                        List.of(), null)))
                .toList();
        DeliveryJob job = new DeliveryJob(jdbc, channels, clock, Duration.ZERO, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofMinutes(5));
        String messageId = "order_placed:" + suffix + ":staff";
        try {
            for (long channel : ids) {
                jdbc.sql("INSERT INTO notification_delivery (message_id, channel, channel_id, event, recipient, locale, subject, "
                                + "body_text, state, next_attempt_at, give_up_at, created_at, updated_at) "
                                + "VALUES (?, ?, ?, 'order_placed', 'staff', 'en', ?, 'One item', 'pending', ?, ?, ?, ?)")
                        .params(messageId, "channel:" + channel, channel, "New order " + suffix, UtcTime.column(clock.instant()),
                                UtcTime.column(clock.instant().plus(Duration.ofHours(24))), UtcTime.column(clock.instant()),
                                UtcTime.column(clock.instant()))
                        .update();
            }

            long began = System.nanoTime();
            int sent = job.sendDue();
            double seconds = (System.nanoTime() - began) / 1e9;
            Figures.report("[plugin isolation] a delivery round through a throwing, a hanging and the log channel: %.2f s "
                    + "(channel deadline 2 s)", seconds);

            String logged = "notification " + messageId + " to staff: New order " + suffix;
            assertThat(sent).isEqualTo(1);
            assertThat(output.getAll()).contains(logged);
            assertThat(seconds).isLessThan(6);
            assertThat(states(messageId)).containsExactly("failed", "failed", "sent");
            assertThat(jdbc.sql("SELECT MIN(next_attempt_at) FROM notification_delivery WHERE message_id = ? AND state = 'failed'")
                    .param(messageId).query((rs, n) -> UtcTime.instant(rs.getObject(1, java.time.LocalDateTime.class))).single())
                    .as("retried after a pause").isAfter(clock.instant().plusSeconds(20));
            assertThat(host.calls().health()).extracting(PluginCalls.InstanceHealth::health)
                    .contains(PluginCalls.Health.FAILING, PluginCalls.Health.HANGING, PluginCalls.Health.OK);
            assertThat(jdbc.sql("SELECT last_result FROM notification_channel WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                    .query(String.class).list()).containsExactly("failed", "failed", "sent");

            assertThat(job.sendDue()).as("nothing is due: the failures wait, the sent one is done").isZero();
            assertThat(output.getAll().split(Pattern.quote(logged), -1)).as("the log channel had it once").hasSize(2);
        } finally {
            jdbc.sql("DELETE FROM notification_delivery WHERE message_id = ?").param(messageId).update();
            jdbc.sql("DELETE FROM notification_channel WHERE id IN (:ids)").param("ids", ids).update();
            host.stop();
        }
    }

    private List<String> states(String messageId) {
        return jdbc.sql("SELECT state FROM notification_delivery WHERE message_id = ? ORDER BY channel_id").param(messageId)
                .query(String.class).list();
    }
}
