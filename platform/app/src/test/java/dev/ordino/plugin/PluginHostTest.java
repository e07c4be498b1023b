package dev.ordino.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.plugin.api.HostCallback;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.MessageAction;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.NotificationMessage;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host with the real built plugin jar, and with jars that must not take it down. */
class PluginHostTest {

    @TempDir
    Path folder;
    private PluginHost host;

    @AfterEach
    void stop() {
        if (host != null) {
            host.stop();
        }
    }

    private PluginHost start() {
        host = new PluginHost(List.of(folder));
        host.start();
        return host;
    }

    private PluginInfo plugin(String id) {
        return host.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theRealBuiltPluginLoadsFromAFolderAndItsChannelWritesToTheLog() throws Exception {
        TestPluginJars.copyRealPlugin(folder);
        start();

        PluginInfo notifyLog = plugin("notify-log");
        assertThat(notifyLog.status()).isEqualTo(PluginInfo.Status.STARTED);
        assertThat(notifyLog.error()).isNull();
        assertThat(notifyLog.requires()).isEqualTo(">=1.1.0 & <2.0.0");

        List<NotificationChannel> channels = host.extensions(NotificationChannel.class);
        assertThat(channels).hasSize(1);
        NotificationChannel channel = channels.getFirst();
        assertThat(channel.getClass().getClassLoader()).as("loaded by the plugin's own class loader")
                .isNotSameAs(getClass().getClassLoader());
        assertThat(host.pluginIdOf(channel)).isEqualTo("notify-log");

        RecordingContext context = new RecordingContext();
        channel.send(context, new NotificationMessage("n-1", "staff", "New order #42", "2 items\n5.00 USD",
                List.of(new MessageAction("accept:42", "Accept")), Map.of("orderId", "42")));
        assertThat(context.lines).containsExactly(
                "INFO notification n-1 to staff: New order #42 | 2 items 5.00 USD | actions: Accept");
    }

    @Test
    void brokenAndIncompatibleJarsAreListedAsSuchAndTheGoodOneStillStarts() throws Exception {
        TestPluginJars.copyRealPlugin(folder);
        TestPluginJars.garbageJar(folder);
        TestPluginJars.requiringNewerApi(folder);
        TestPluginJars.withMissingPluginClass(folder);
        start();

        assertThat(plugin("notify-log").status()).isEqualTo(PluginInfo.Status.STARTED);

        PluginInfo garbage = plugin("broken-download.jar");
        assertThat(garbage.status()).isEqualTo(PluginInfo.Status.FAILED);
        assertThat(garbage.error()).isNotBlank();

        PluginInfo future = plugin("notify-future");
        assertThat(future.status()).isEqualTo(PluginInfo.Status.INCOMPATIBLE);
        assertThat(future.error()).isEqualTo("Requires plugin API >=2.0.0 & <3.0.0, this Ordino provides 1.3.0");
        assertThat(future.extensions()).isEmpty();

        PluginInfo missingClass = plugin("notify-missing-class");
        assertThat(missingClass.status()).isEqualTo(PluginInfo.Status.FAILED);
        assertThat(missingClass.error()).contains("dev.ordino.NoSuchPlugin");

        assertThat(host.extensions(NotificationChannel.class)).as("only the started plugin contributes").hasSize(1);
    }

    @Test
    void anEmptyFolderMeansNoPluginsAndNoError() {
        start();
        assertThat(host.plugins()).isEmpty();
        assertThat(host.extensions(NotificationChannel.class)).isEmpty();
    }

    /** Records what the plugin logs. */
    static final class RecordingContext implements HostContext {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public String instanceId() {
            return "channel:1";
        }

        @Override
        public Map<String, String> settings() {
            return Map.of();
        }

        @Override
        public HttpClient httpClient() {
            return HttpClient.newHttpClient();
        }

        @Override
        public Clock clock() {
            return Clock.systemUTC();
        }

        @Override
        public String publicUrl() {
            return "http://localhost:8080";
        }

        @Override
        public HostCallback callback() {
            return (token, actor) -> "ok";
        }

        @Override
        public System.Logger logger() {
            return new System.Logger() {
                @Override
                public String getName() {
                    return "plugin.test";
                }

                @Override
                public boolean isLoggable(Level level) {
                    return true;
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
                    lines.add(level + " " + msg);
                }

                @Override
                public void log(Level level, ResourceBundle bundle, String format, Object... params) {
                    lines.add(level + " " + (params == null || params.length == 0 ? format
                            : MessageFormat.format(format, params)));
                }
            };
        }
    }
}
