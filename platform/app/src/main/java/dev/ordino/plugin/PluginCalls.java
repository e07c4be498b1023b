package dev.ordino.plugin;

import dev.ordino.plugin.api.HostContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The boundary every call into plugin code crosses. Each configured instance (a provider, a
 * gateway, a channel) gets its own small pool of threads with a short queue (a bulkhead): a full
 * one refuses at once with 503 {@code <noun>_busy}, so a request thread never waits behind a
 * hanging plugin. Each call has a deadline by kind; past it the call is abandoned and interrupted,
 * and the instance is reported {@code hanging}. Whatever the plugin throws besides its declared
 * exceptions, {@code Error}s included, is caught here, logged, counted and reported {@code failing}:
 * the host keeps running. Calls and failures of the last hour are counted per instance, in
 * memory on each node; the health state itself is stored by the instance's owner through its
 * {@link HealthSink}.
 */
@Service
public class PluginCalls {

    private static final Logger log = LoggerFactory.getLogger(PluginCalls.class);

    /** Who waits for the call, which sets its deadline ({@link PluginLimits}). */
    public enum Kind { ADMIN, CUSTOMER, JOB, NOTIFICATION }

    /** How long a customer's or a gateway's call waits for a place in a full bulkhead before it is refused. */
    static final Duration CUSTOMER_ADMISSION_WAIT = Duration.ofSeconds(2);

    /** An instance's health as the last call left it. */
    public enum Health {
        OK, SLOW, FAILING, HANGING;

        /** As stored and shown: {@code ok}, {@code slow}, {@code failing}, {@code hanging}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean unhealthy() {
            return this == FAILING || this == HANGING;
        }
    }

    /** Told after every call what health it showed; stores it where the instance is kept. Runs on the caller's thread. */
    @FunctionalInterface
    public interface HealthSink {
        void report(Health health, String reason);

        HealthSink NONE = (health, reason) -> { };
    }

    /**
     * A configured instance calls go to.
     *
     * @param key  unique per instance, e.g. {@code provider:12}: the bulkhead and the counts follow it
     * @param name as staff know it
     * @param noun what it is in problem codes and messages: {@code provider}, {@code gateway}, {@code channel}
     */
    public record Target(String key, String name, String noun, HealthSink sink) {
    }

    /** An instance's health as this node saw it. */
    public record InstanceHealth(String key, String name, Health health, String lastError, Instant lastErrorAt,
                                 long callsLastHour, long failuresLastHour, int running) {
    }

    private final PluginLimits limits;
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    PluginCalls(PluginLimits limits) {
        this.limits = limits;
    }

    public PluginLimits limits() {
        return limits;
    }

    /**
     * The extension seen through the boundary: every method of {@code type} it is called with runs
     * on the instance's bulkhead with the deadline of {@code kind}.
     */
    public <T> T guard(Class<T> type, T extension, Target target, Kind kind, HostContext context) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, extension, method, args);
            }
            return call(target, kind, context, method.getName(), method.getExceptionTypes(), () -> {
                try {
                    return method.invoke(extension, args);
                } catch (InvocationTargetException e) {
                    throw rethrowable(e.getCause());
                }
            });
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, handler));
    }

    /**
     * A quick look at an extension (its settings, its name) for a page listing many: whatever goes
     * wrong is logged and answers empty, so one broken plugin never breaks the page for the others.
     */
    public <T> Optional<T> quietly(String key, String name, String what, Callable<T> look) {
        try {
            @SuppressWarnings("unchecked")
            T answer = (T) call(new Target(key, name, "plugin", HealthSink.NONE), Kind.ADMIN, null, what, new Class<?>[0], look::call);
            return Optional.ofNullable(answer);
        } catch (Exception e) {
            log.warn("{} of {} is not available: {}", what, name, OrdinoPluginManager.describe(e));
            return Optional.empty();
        }
    }

    private Object call(Target target, Kind kind, HostContext context, String action, Class<?>[] declared, Callable<Object> task)
            throws Exception {
        Bulkhead bulkhead = bulkheads.computeIfAbsent(target.key(), key -> new Bulkhead(key, limits));
        bulkhead.name = target.name();
        if (stopping) {
            bulkhead.counted(true);
            throw new PluginCallFailed(PluginCallFailed.Reason.STOPPING, true, 503, target.noun() + "_unavailable",
                    target.name() + " is not available: the application is stopping", null);
        }
        long sentBefore = requestsStarted(context);
        long started = System.nanoTime();
        Future<Object> future;
        try {
            future = admit(bulkhead, kind, task);
        } catch (RejectedExecutionException e) {
            bulkhead.counted(true);
            log.warn("{} is busy: {} calls running and the queue is full; {} refused", target.name(),
                    bulkhead.executor.getActiveCount(), action);
            throw new PluginCallFailed(PluginCallFailed.Reason.BUSY, true, 503, target.noun() + "_busy",
                    target.name() + " is busy; try again in a moment", null);
        }
        Duration deadline = limits.timeout(kind);
        try {
            Object answer = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            bulkhead.counted(false);
            boolean slow = took.compareTo(limits.slowCall()) > 0;
            report(target, bulkhead, slow ? Health.SLOW : Health.OK,
                    slow ? action + " took " + took.toMillis() / 1000.0 + " s" : null);
            return answer;
        } catch (TimeoutException e) {
            future.cancel(true);
            bulkhead.counted(true);
            String reason = "No answer to " + action + " within " + seconds(deadline) + "; the call was abandoned";
            log.error("{} is hanging: {}", target.name(), reason);
            report(target, bulkhead, Health.HANGING, reason);
            throw new PluginCallFailed(PluginCallFailed.Reason.TIMED_OUT, false, 504, target.noun() + "_timeout",
                    target.name() + " did not answer within " + seconds(deadline), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            bulkhead.counted(true);
            throw new PluginCallFailed(PluginCallFailed.Reason.TIMED_OUT, false, 503, target.noun() + "_unavailable",
                    "Interrupted while waiting for " + target.name(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            bulkhead.counted(true);
            if (cause instanceof Exception declaredFailure && isDeclared(declared, cause)) {
                throw declaredFailure; // the extension point's own typed failure: the caller decides what it means
            }
            String reason = "Plugin error in " + action + ": " + OrdinoPluginManager.describe(cause);
            if (cause instanceof Error) {
                log.error("{}: the plugin threw {} in {}; the call is abandoned, the host goes on", target.name(),
                        cause.getClass().getName(), action, cause);
            } else {
                log.error("{}: {}", target.name(), reason, cause);
            }
            report(target, bulkhead, Health.FAILING, reason);
            boolean nothingSent = context != null && sentBefore >= 0 && requestsStarted(context) == sentBefore;
            throw new PluginCallFailed(PluginCallFailed.Reason.FAILED, nothingSent, 502, "plugin_error",
                    "The plugin of " + target.name() + " failed: " + OrdinoPluginManager.describe(cause), cause);
        }
    }

    /**
     * A staff or job call is refused at once when the instance is full. A gateway's webhook or a
     * customer's payment start waits up to {@link #CUSTOMER_ADMISSION_WAIT} for a place: gateways send
     * bursts of notifications that are each verified in milliseconds, and refusing them would only
     * make them come back later. A hanging plugin still costs such a request at most that wait.
     */
    private static Future<Object> admit(Bulkhead bulkhead, Kind kind, Callable<Object> task) {
        long giveUp = System.nanoTime() + (kind == Kind.CUSTOMER ? CUSTOMER_ADMISSION_WAIT.toNanos() : 0);
        while (true) {
            try {
                return bulkhead.executor.submit(task);
            } catch (RejectedExecutionException e) {
                if (System.nanoTime() >= giveUp) {
                    throw e;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean isDeclared(Class<?>[] declared, Throwable cause) {
        for (Class<?> type : declared) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private void report(Target target, Bulkhead bulkhead, Health health, String reason) {
        bulkhead.health = health;
        if (health.unhealthy()) {
            bulkhead.lastError = reason;
            bulkhead.lastErrorAt = Instant.now();
        }
        try {
            target.sink().report(health, reason);
        } catch (RuntimeException e) {
            log.warn("Health of {} could not be stored: {}", target.name(), e.getMessage());
        }
    }

    /** What this node saw of every instance called since it started, by key. */
    public List<InstanceHealth> health() {
        List<InstanceHealth> result = new ArrayList<>();
        for (Bulkhead bulkhead : bulkheads.values()) {
            long[] counts = bulkhead.lastHour();
            result.add(new InstanceHealth(bulkhead.key, bulkhead.name, bulkhead.health, bulkhead.lastError, bulkhead.lastErrorAt,
                    counts[0], counts[1], bulkhead.executor.getActiveCount()));
        }
        result.sort(Comparator.comparing(InstanceHealth::key));
        return result;
    }

    public Optional<InstanceHealth> health(String key) {
        return health().stream().filter(h -> h.key().equals(key)).findFirst();
    }

    /**
     * Shutdown: no new calls, running ones get until the deadline to finish, then are interrupted.
     * Answers how many were still running at the deadline.
     */
    int drain(Duration deadline) {
        stopping = true;
        bulkheads.values().forEach(b -> b.executor.shutdown());
        long until = System.nanoTime() + deadline.toNanos();
        int left = 0;
        for (Bulkhead bulkhead : bulkheads.values()) {
            try {
                long wait = Math.max(0, until - System.nanoTime());
                if (!bulkhead.executor.awaitTermination(wait, TimeUnit.NANOSECONDS)) {
                    left += bulkhead.executor.shutdownNow().size() + bulkhead.executor.getActiveCount();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                bulkhead.executor.shutdownNow();
            }
        }
        return left;
    }

    /** Calls may go out again (a host started after a stop, in tests). */
    void open() {
        stopping = false;
        bulkheads.clear();
    }

    private static long requestsStarted(HostContext context) {
        return context != null && context.httpClient() instanceof CountingHttpClient counting ? counting.requestsStarted() : -1;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    private static Exception rethrowable(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : new IllegalStateException(cause);
    }

    private static Object objectMethod(Object proxy, Object extension, Method method, Object[] args) throws Exception {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "guarded " + extension.getClass().getName();
            default -> method.invoke(extension, args);
        };
    }

    /** One instance's threads, queue and counts. */
    private static final class Bulkhead {
        final String key;
        final ThreadPoolExecutor executor;
        volatile String name;
        volatile Health health = Health.OK;
        volatile String lastError;
        volatile Instant lastErrorAt;
        private final long[] minutes = new long[60];
        private final long[] calls = new long[60];
        private final long[] failures = new long[60];

        Bulkhead(String key, PluginLimits limits) {
            this.key = key;
            this.name = key;
            AtomicInteger number = new AtomicInteger();
            this.executor = new ThreadPoolExecutor(limits.threadsPerInstance(), limits.threadsPerInstance(), 1, TimeUnit.MINUTES,
                    new ArrayBlockingQueue<>(Math.max(1, limits.queuePerInstance())), runnable -> {
                        Thread thread = new Thread(runnable, "plugin-" + key + "-" + number.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            this.executor.allowCoreThreadTimeOut(true);
        }

        synchronized void counted(boolean failed) {
            long minute = System.currentTimeMillis() / 60_000;
            int slot = (int) (minute % 60);
            if (minutes[slot] != minute) {
                minutes[slot] = minute;
                calls[slot] = 0;
                failures[slot] = 0;
            }
            calls[slot]++;
            if (failed) {
                failures[slot]++;
            }
        }

        synchronized long[] lastHour() {
            long now = System.currentTimeMillis() / 60_000;
            long total = 0;
            long failed = 0;
            for (int i = 0; i < 60; i++) {
                if (now - minutes[i] < 60) {
                    total += calls[i];
                    failed += failures[i];
                }
            }
            return new long[]{total, failed};
        }
    }
}
