package dev.ordino;

import dev.ordino.plugin.TestPluginJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application serving HTTP on a free port of 127.0.0.1, as a user runs it: bundled
 * plugins from {@code target/plugins}, plus an {@code ORDINO_PLUGINS_DIR} holding a broken jar
 * one that needs a newer plugin API, a plugin whose {@code start()} takes five minutes, the
 * fault-injection provider and gateway and the scripted gateways; plugin calls have short deadlines. Shared by the HTTP and
 * browser tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ordino.plugins-dir=" + RunningOrdino.EXTRA_PLUGINS, "vaadin.productionMode=true",
                "ordino.plugins.admin-call-timeout=PT2S", "ordino.plugins.customer-call-timeout=PT2S",
                "ordino.plugins.job-call-timeout=PT3S", "ordino.plugins.start-timeout=PT5S"})
@ActiveProfiles("test")
@ContextConfiguration(initializers = RunningOrdino.ExtraPlugins.class)
public @interface RunningOrdino {

    String EXTRA_PLUGINS = "target/test-extra-plugins";

    /** When the application context began and finished starting (nanoTime), for the start-time figure. */
    long[] STARTED_AND_READY = new long[2];

    /** Puts the extra plugin jars in place before the application starts. */
    class ExtraPlugins implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            STARTED_AND_READY[0] = System.nanoTime();
            context.addApplicationListener(event -> {
                if (event instanceof ApplicationReadyEvent) {
                    STARTED_AND_READY[1] = System.nanoTime();
                }
            });
            Path folder = Path.of(EXTRA_PLUGINS);
            try {
                if (Files.isDirectory(folder)) {
                    try (var files = Files.list(folder)) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                }
                TestPluginJars.garbageJar(folder);
                TestPluginJars.requiringNewerApi(folder);
                TestPluginJars.slowStarting(folder);
                TestPluginJars.faultyProvider(folder);
                TestPluginJars.scriptedGateways(folder);
                TestPluginJars.faultyGateway(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
