package dev.ordino.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ordino.Figures;
import dev.ordino.OrdinoTest;
import dev.ordino.base.money.StoreCurrency;
import dev.ordino.ordering.OrderPlaced;
import dev.ordino.plugin.PluginCalls;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.PluginLimits;
import dev.ordino.plugin.TestPluginHosts;
import dev.ordino.plugin.TestPluginJars;
import dev.ordino.plugin.faulty.FaultyChannels;
import dev.ordino.plugin.faulty.FaultyPlugins;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;

/**
 * A throwing and a hanging channel beside the real notify-log plugin: every channel is tried, none
 * holds the others, and delivering the event again sends nothing twice through the channel that had it.
 */
@OrdinoTest
@ExtendWith(OutputCaptureExtension.class)
class StaffNotifierIsolationTest {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    @Test
    void everyChannelIsTriedWithinTheDeadlineAndAFailureLeavesThePublicationToBeDeliveredAgain(CapturedOutput output)
            throws Exception {
        TestPluginJars.faultyPlugin(folder, "notify-faulty", FaultyPlugins.Quiet.class, FaultyChannels.Throwing.class,
                FaultyChannels.Hanging.class);
        TestPluginJars.copyRealPlugin(folder);
        PluginHost host = TestPluginHosts.started(List.of(folder), new PluginLimits(null, null, null, Duration.ofSeconds(2), null,
                null, null, null, null, Duration.ofSeconds(1)));
        try {
            StaffNotifier notifier = new StaffNotifier(host, new StoreCurrency("USD"), jdbc, Clock.systemUTC());
            long id = System.nanoTime();
            OrderPlaced placed = new OrderPlaced(id, "ORD-" + id, 1, new BigDecimal("1.50"), "USD", 1);
            long began = System.nanoTime();
            Throwable failed = catchThrowable(() -> notifier.on(placed));
            double seconds = (System.nanoTime() - began) / 1e9;
            Figures.report("[plugin isolation] notification through a throwing, a hanging and the log channel: %.2f s "
                    + "(channel deadline 2 s)", seconds);

            String logged = "notification order-placed:" + id + " to staff: New order ORD-" + id;
            assertThat(output.getAll()).contains(logged);
            assertThat(failed).as("the publication stays incomplete, to be delivered again").isNotNull()
                    .hasMessageContaining("throwing").hasMessageContaining("hanging");
            assertThat(seconds).isLessThan(6);
            assertThat(host.calls().health()).extracting(PluginCalls.InstanceHealth::health)
                    .contains(PluginCalls.Health.FAILING, PluginCalls.Health.HANGING, PluginCalls.Health.OK);

            Throwable again = catchThrowable(() -> notifier.on(placed));
            assertThat(again).as("the failing channels are tried again").isNotNull().hasMessageContaining("throwing");
            assertThat(output.getAll().split(Pattern.quote(logged), -1)).as("the log channel had it once")
                    .hasSize(2);
        } finally {
            host.stop();
        }
    }

    @Test
    void notificationsRunOnTheirOwnThreadsNotOnThoseThatSendOrders() throws Exception {
        Method on = StaffNotifier.class.getDeclaredMethod("on", OrderPlaced.class);
        assertThat(on.getAnnotation(Async.class).value()).isEqualTo(NotificationConfiguration.EXECUTOR);
    }
}
