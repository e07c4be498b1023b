package dev.ordino.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's work for each configured plugin instance, each on a virtual thread of its own, waited for
 * together: an instance that hangs costs the job one deadline, not one per instance after it, and
 * one that fails holds up nobody else.
 */
public final class EachInstance {

    private static final Logger log = LoggerFactory.getLogger(EachInstance.class);

    private EachInstance() {
    }

    /** Runs {@code work} for every instance side by side and returns when all are done; a failure is logged. */
    public static <I> void inParallel(String job, Collection<I> instances, Consumer<I> work) {
        if (instances.size() == 1) {
            run(job, instances.iterator().next(), work);
            return;
        }
        try (ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(job + "-", 0).factory())) {
            List<Future<?>> running = new ArrayList<>();
            for (I instance : instances) {
                running.add(threads.submit(() -> run(job, instance, work)));
            }
            for (Future<?> each : running) {
                try {
                    each.get();
                } catch (ExecutionException e) {
                    log.error("{} failed", job, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static <I> void run(String job, I instance, Consumer<I> work) {
        try {
            work.accept(instance);
        } catch (RuntimeException e) {
            log.warn("{} for {} failed: {}", job, instance, e.toString());
        }
    }
}
