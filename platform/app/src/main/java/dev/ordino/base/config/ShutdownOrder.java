package dev.ordino.base.config;

import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The order in which a node stops (SIGTERM or context close), highest phase first:
 * <ol>
 * <li>the web server stops taking requests and finishes those in flight (graceful shutdown);</li>
 * <li>{@link #BACKGROUND_WORK_PHASE}: no new job starts; running jobs and the asynchronous tasks that
 * requests and jobs handed off (provider submissions, notifications) finish; pools of their own
 * that call plugins (the provider senders) stop in this phase too;</li>
 * <li>{@link #PLUGINS_PHASE}: the plugins stop, since nothing calls them any more;</li>
 * <li>then beans are destroyed: the connection pool closes, and the embedded MariaDB stops last
 * (the pool depends on it).</li>
 * </ol>
 * Every wait is bounded by {@code ORDINO_SHUTDOWN_TIMEOUT}.
 */
@Component
@NamedInterface("config")
public class ShutdownOrder implements SmartLifecycle {

    /** After the web server has stopped ({@code DEFAULT_PHASE - 2048}). */
    public static final int BACKGROUND_WORK_PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    /** After the background work: started before, stopped after anything that calls a plugin. */
    public static final int PLUGINS_PHASE = BACKGROUND_WORK_PHASE - 1024;

    private static final Logger log = LoggerFactory.getLogger(ShutdownOrder.class);

    private final ObjectProvider<ExecutorConfigurationSupport> executors;
    private volatile boolean running;

    ShutdownOrder(ObjectProvider<ExecutorConfigurationSupport> executors) {
        this.executors = executors;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Schedulers first (their jobs may hand work to an executor), then the executors. Each waits
     * for what it runs as configured by {@code spring.task.*.shutdown}; queued work still runs
     * because the executors accept tasks after the context began closing.
     */
    @Override
    public void stop() {
        running = false;
        List<ExecutorConfigurationSupport> all = executors.orderedStream()
                .sorted(Comparator.comparing(executor -> executor instanceof ThreadPoolTaskScheduler ? 0 : 1))
                .toList();
        long begin = System.nanoTime();
        for (ExecutorConfigurationSupport executor : all) {
            if (executor instanceof ThreadPoolTaskScheduler scheduler) {
                // A job due later must not start now (the pool would wait for it); one already running finishes.
                scheduler.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            }
            executor.shutdown();
        }
        log.info("Jobs and background tasks finished ({} ms)", (System.nanoTime() - begin) / 1_000_000);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Test contexts are paused (stopped and restarted) between test classes; executors shut down do not restart. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    @Override
    public int getPhase() {
        return BACKGROUND_WORK_PHASE;
    }
}
