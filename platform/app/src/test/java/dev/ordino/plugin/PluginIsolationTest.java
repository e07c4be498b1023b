package dev.ordino.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ordino.Figures;
import dev.ordino.plugin.api.HostContext;
import dev.ordino.plugin.api.NotificationChannel;
import dev.ordino.plugin.api.SmmProvider;
import dev.ordino.plugin.faulty.FaultyPlugins;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that hang, throw every kind of Throwable, never finish starting or fail in their
 * constructor, against the real host and the plugin boundary with short deadlines.
 */
class PluginIsolationTest {

    private static final PluginLimits SHORT = new PluginLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2));

    @TempDir
    Path folder;
    private PluginHost host;
    private HostContext context;

    @AfterEach
    void stop() {
        if (host != null) {
            host.stop();
        }
    }

    private PluginHost start() {
        host = new PluginHost(List.of(folder), SHORT);
        host.start();
        return host;
    }

    private PluginInfo plugin(String id) {
        return host.plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private record Seen(List<PluginCalls.Health> health, List<String> reasons) {
    }

    private SmmProvider guarded(Map<String, String> settings, PluginCalls.Kind kind, Seen seen) {
        SmmProvider raw = host.extensions(SmmProvider.class).getFirst();
        context = host.contextFor(raw, "provider:1", settings);
        return host.calls().guard(SmmProvider.class, raw, new PluginCalls.Target("provider:1", "Faulty panel", "provider",
                (health, reason) -> {
                    seen.health().add(health);
                    seen.reasons().add(reason);
                }), kind, context);
    }

    @Test
    void aPluginWhoseStartHangsNeitherHoldsTheStartNorTheOthersAndIsListedAsTimedOut() throws Exception {
        TestPluginJars.copyRealPlugin(folder);
        TestPluginJars.slowStarting(folder);
        TestPluginJars.faultyPlugin(folder, "broken-constructor", FaultyPlugins.BrokenConstructor.class);

        long began = System.nanoTime();
        start();
        double startSeconds = (System.nanoTime() - began) / 1e9;
        Figures.report("[plugin isolation] host start with a plugin whose start() sleeps 300 s: %.2f s (start wait 1 s)",
                startSeconds);

        assertThat(startSeconds).isLessThan(1.8);
        assertThat(plugin("notify-log").status()).isEqualTo(PluginInfo.Status.STARTED);
        assertThat(plugin("slow-start").status()).isEqualTo(PluginInfo.Status.STARTING);
        PluginInfo broken = plugin("broken-constructor");
        assertThat(broken.status()).isEqualTo(PluginInfo.Status.FAILED);
        assertThat(broken.error()).contains("licence file missing").doesNotContain("NullPointerException");

        Thread.sleep(1500);
        PluginInfo slow = plugin("slow-start");
        assertThat(slow.status()).isEqualTo(PluginInfo.Status.FAILED);
        assertThat(slow.error()).contains("start timed out after 2 s");
        assertThat(host.extensions(NotificationChannel.class)).hasSize(1);
    }

    @Test
    void aHangingCallIsAbandonedAtItsDeadlineMarkedHangingAndAFullBulkheadRefusesAtOnce() throws Exception {
        TestPluginJars.faultyProvider(folder);
        start();
        Seen seen = new Seen(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        SmmProvider hanging = guarded(Map.of("hang", "balance"), PluginCalls.Kind.ADMIN, seen);

        long began = System.nanoTime();
        PluginCallFailed timedOut = catchThrowableOfType(PluginCallFailed.class, () -> hanging.balance(context));
        double seconds = (System.nanoTime() - began) / 1e9;
        Figures.report("[plugin isolation] admin call on a hanging provider answered after %.2f s (deadline 2 s)", seconds);
        assertThat(seconds).isBetween(1.9, 3.0);
        assertThat(timedOut.reason()).isEqualTo(PluginCallFailed.Reason.TIMED_OUT);
        assertThat(timedOut.code()).isEqualTo("provider_timeout");
        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(seen.health()).containsExactly(PluginCalls.Health.HANGING);
        assertThat(host.calls().health("provider:1").orElseThrow().health()).isEqualTo(PluginCalls.Health.HANGING);

        // 2 threads + 3 queued: further calls are refused at once while those hang.
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> answered = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answered.add(callers.submit(() -> {
                    long t = System.nanoTime();
                    try {
                        hanging.balance(context);
                    } catch (PluginCallFailed e) {
                        if (e.reason() == PluginCallFailed.Reason.BUSY) {
                            assertThat(e.code()).isEqualTo("provider_busy");
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.nothingSent()).isTrue();
                            return (System.nanoTime() - t) / 1_000_000;
                        }
                    }
                    return -1L;
                }));
            }
            List<Long> refusedMillis = new ArrayList<>();
            for (Future<Long> f : answered) {
                long ms = f.get();
                if (ms >= 0) {
                    refusedMillis.add(ms);
                }
            }
            Figures.report("[plugin isolation] 20 concurrent calls on a hanging provider: %d refused busy, slowest refusal %d ms",
                    refusedMillis.size(), refusedMillis.stream().mapToLong(Long::longValue).max().orElse(0));
            assertThat(refusedMillis).hasSizeGreaterThanOrEqualTo(15).allMatch(ms -> ms < 500);
        }
        PluginCalls.InstanceHealth health = host.calls().health("provider:1").orElseThrow();
        assertThat(health.callsLastHour()).isEqualTo(21);
        assertThat(health.failuresLastHour()).isEqualTo(21);

        Thread.sleep(500); // the abandoned calls were interrupted: the threads are free again
        SmmProvider fine = guarded(Map.of(), PluginCalls.Kind.ADMIN, seen);
        assertThat(fine.balance(context).amount()).isEqualByComparingTo("100");
        assertThat(seen.health().getLast()).isEqualTo(PluginCalls.Health.OK);
    }

    @Test
    void everyKindOfThrowableIsCaughtAtTheBoundaryReportedAsFailingAndTheHostGoesOn() throws Exception {
        TestPluginJars.faultyProvider(folder);
        start();
        for (String kind : List.of("RuntimeException", "StackOverflowError", "OutOfMemoryError", "NoClassDefFoundError")) {
            Seen seen = new Seen(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
            SmmProvider throwing = guarded(Map.of("fail", "placeOrder,balance", "throw", kind), PluginCalls.Kind.JOB, seen);
            PluginCallFailed failed = catchThrowableOfType(PluginCallFailed.class, () -> throwing.placeOrder(context, null));
            assertThat(failed.reason()).as(kind).isEqualTo(PluginCallFailed.Reason.FAILED);
            assertThat(failed.code()).isEqualTo("plugin_error");
            assertThat(failed.nothingSent()).as("no request went out through the host's HTTP client").isTrue();
            assertThat(seen.health()).containsExactly(PluginCalls.Health.FAILING);
            String expected = kind.equals("RuntimeException") ? "IllegalStateException" : kind;
            assertThat(seen.reasons().getFirst()).contains(expected);
            Figures.report("[plugin isolation] %s in placeOrder -> %s", kind, seen.reasons().getFirst());
        }
        SmmProvider fine = guarded(Map.of(), PluginCalls.Kind.JOB, new Seen(new ArrayList<>(), new ArrayList<>()));
        assertThat(fine.services(context)).hasSize(1);
    }

    @Test
    void shutdownWaitsForRunningCallsUpToItsDeadlineThenUnloads() throws Exception {
        TestPluginJars.faultyProvider(folder);
        start();
        SmmProvider hanging = guarded(Map.of("hang", "services"), PluginCalls.Kind.JOB,
                new Seen(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>()));
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try {
                return hanging.services(context);
            } catch (Exception e) {
                return e;
            }
        });
        Thread.sleep(200);
        long began = System.nanoTime();
        host.stop();
        double seconds = (System.nanoTime() - began) / 1e9;
        Figures.report("[plugin isolation] shutdown with a hanging call: %.2f s (stop deadline 2 s)", seconds);
        assertThat(seconds).isBetween(1.9, 3.5);
        assertThat(host.plugins()).isEmpty();
        assertThatThrownBy(() -> hanging.balance(context)).isInstanceOf(PluginCallFailed.class)
                .extracting(e -> ((PluginCallFailed) e).reason()).isEqualTo(PluginCallFailed.Reason.STOPPING);
        host = null;
        running.get();
    }
}
