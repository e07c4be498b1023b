package dev.ordino.fulfilment;

import dev.ordino.base.DomainException;
import dev.ordino.plugin.EachInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The provider jobs. Sending due lines (every 15 s) runs on every node: it only wakes the
 * senders, which claim rows. The others run once per period across all nodes: their ShedLock
 * lock is held for at least the period ({@code lockAtLeastFor}), so another node's attempt in the
 * same period is skipped: the sweep ({@code ordino.providers.sweep}, every minute), order status
 * sync, service sync (daily) and the balance check (hourly). Order status sync ticks every
 * {@code ordino.providers.recent-order-sync} (a minute), or every full period when that is shorter: a tick that wins the lock of the full
 * period ({@code ordino.providers.order-sync}, 5 minutes) checks every open order, the others only
 * those sent in the last hour, which move fastest; both under one run lock, so they never overlap. A lock is held at most for the period too, so a node that dies holding it
 * costs one period, not more. The syncs also take a run lock, which lasts only while they run
 * (so a sync longer than its period never overlaps itself): "now" buttons take it too and answer
 * {@code sync_running} (409) while a sync runs anywhere, but not for the rest of the period.
 */
@Component
public class ProviderJobs {

    private static final Logger log = LoggerFactory.getLogger(ProviderJobs.class);
    static final String ORDER_SYNC = "provider-order-sync";
    static final String SERVICE_SYNC = "provider-service-sync";
    /**
     * The order status sync's tick: the shorter of the two periods. A shop that sets only
     * {@code ordino.providers.order-sync} below the recent-order period still gets its full check
     * that often, since the full check only ever runs on a tick.
     */
    static final String ORDER_SYNC_TICK = "#{T(dev.ordino.fulfilment.ProviderJobs).shorter("
            + "'${ordino.providers.recent-order-sync:PT1M}', '${ordino.providers.order-sync:PT5M}')}";
    /** How long after sending an order counts as recent and is checked at every tick. */
    static final Duration RECENT = Duration.ofHours(1);

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final ProviderSubmission submission;
    private final ProviderSenders senders;
    private final ProviderQueue queue;
    private final ProviderStatusSync statusSync;
    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration orderSyncPeriod;
    private final Duration orderSyncTick;

    ProviderJobs(ProviderInstances instances, ProviderCatalog catalog, ProviderSubmission submission, ProviderSenders senders,
                 ProviderQueue queue, ProviderStatusSync statusSync, LockingTaskExecutor locks, Clock clock,
                 @Value("${ordino.providers.order-sync:PT5M}") Duration orderSyncPeriod,
                 @Value(ORDER_SYNC_TICK) String orderSyncTick) {
        this.instances = instances;
        this.catalog = catalog;
        this.submission = submission;
        this.senders = senders;
        this.queue = queue;
        this.statusSync = statusSync;
        this.locks = locks;
        this.clock = clock;
        this.orderSyncPeriod = orderSyncPeriod;
        this.orderSyncTick = Duration.parse(orderSyncTick);
    }

    /** Every node: rows are claimed one by one, so nodes share the work and never send a line twice. */
    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT15S")
    void sendDue() {
        submission.recoverStuck();
        senders.wake();
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${ordino.providers.sweep:PT1M}")
    @SchedulerLock(name = "provider-sweep", lockAtLeastFor = "${ordino.providers.sweep:PT1M}",
            lockAtMostFor = "${ordino.providers.sweep:PT1M}")
    void sweep() {
        submission.recoverStuck();
        queue.sweep();
        // Lines a dead node had queued but not claimed are sent now, not at the next due-line run.
        senders.wake();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = ORDER_SYNC_TICK)
    @SchedulerLock(name = ORDER_SYNC + "-recent-period", lockAtLeastFor = ORDER_SYNC_TICK, lockAtMostFor = ORDER_SYNC_TICK)
    void syncOrdersOnSchedule() {
        runLocked(ORDER_SYNC, () -> {
            // Held half a tick short of the period: a tick a few milliseconds early (the tick lock is
            // taken just before this one) still gets the full check when the period is over.
            LockingTaskExecutor.TaskResult<ProviderStatusSync.Result> all = periodLocked(ORDER_SYNC + "-period",
                    orderSyncPeriod.minus(orderSyncTick.dividedBy(2)), orderSyncPeriod, statusSync::syncAll);
            if (all.wasExecuted()) {
                ProviderStatusSync.Result result = all.getResult();
                log.info("Provider order sync: {} checked, {} updated, {} calls", result.checked(), result.updated(), result.calls());
            } else {
                ProviderStatusSync.Result result = statusSync.syncSentSince(clock.instant().minus(RECENT));
                log.debug("Provider order sync of the last hour: {} checked, {} updated, {} calls", result.checked(),
                        result.updated(), result.calls());
            }
        });
    }

    @Scheduled(cron = "${ordino.providers.service-sync-cron:0 30 3 * * *}")
    // Nodes fire at the same wall-clock time: holding the lock 50 minutes outlasts any clock skew.
    @SchedulerLock(name = SERVICE_SYNC + "-period", lockAtLeastFor = "PT50M", lockAtMostFor = "PT50M")
    void syncServicesOnSchedule() {
        // Each instance under its own run lock, as "sync now" takes it: a slow provider blocks no other.
        for (ProviderInstances.Instance instance : instances.enabledInstances()) {
            runLocked(SERVICE_SYNC + ":" + instance.id(), () -> {
                try {
                    ProviderCatalog.SyncResult result = catalog.sync(instance.id(), share -> { });
                    log.info("Service sync of {}: {} updated, {} disabled, {} price rises", instance.name(), result.updated(),
                            result.disabled(), result.priceRises());
                } catch (RuntimeException e) {
                    log.warn("Service sync of {} failed: {}", instance.name(), e.getMessage());
                }
            });
        }
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${ordino.providers.balance-check:PT1H}")
    @SchedulerLock(name = "provider-balances", lockAtLeastFor = "${ordino.providers.balance-check:PT1H}",
            lockAtMostFor = "${ordino.providers.balance-check:PT1H}")
    void checkBalances() {
        // Side by side: a provider whose balance() hangs costs the job one deadline, whatever comes after it.
        EachInstance.inParallel("provider-balance", instances.enabledInstances(), instance -> {
            try {
                instances.checkBalance(instances.connect(instance));
            } catch (RuntimeException e) {
                instances.failed(instance.id(), "balance", e);
            }
        });
    }

    /** "Sync orders now": one status cycle under the job's lock. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public ProviderStatusSync.Result syncOrdersNow() {
        submission.submitDue();
        return locked(ORDER_SYNC, statusSync::syncAll);
    }

    /** "Sync services now" for one instance, under the service-sync lock. */
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    public ProviderCatalog.SyncResult syncServicesNow(long instanceId, DoubleConsumer progress) {
        instances.instance(instanceId);
        return locked(SERVICE_SYNC + ":" + instanceId, () -> catalog.sync(instanceId, progress)); // per instance: a slow one blocks no other
    }

    /** A scheduled sync under the run lock; skipped when a "now" sync holds it. */
    private void runLocked(String name, Runnable task) {
        try {
            locked(name, () -> {
                task.run();
                return null;
            });
        } catch (DomainException e) {
            log.info("Scheduled {} skipped: {}", name, e.getMessage());
        }
    }

    /** The shorter of two periods written as settings are ({@code PT1M}, {@code 60s}, millis), as ISO-8601. */
    public static String shorter(String one, String other) {
        Duration a = DurationFormatterUtils.detectAndParse(one);
        Duration b = DurationFormatterUtils.detectAndParse(other);
        return (a.compareTo(b) <= 0 ? a : b).toString();
    }

    /** Runs the task unless another run (this node's or another's) took the lock less than {@code atLeast} ago. */
    private <T> LockingTaskExecutor.TaskResult<T> periodLocked(String name, Duration atLeast, Duration atMost, Supplier<T> task) {
        try {
            return locks.executeWithLock(task::get, new LockConfiguration(Instant.now(), name, atMost, atLeast));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T locked(String name, Supplier<T> task) {
        try {
            LockingTaskExecutor.TaskResult<T> result = locks.executeWithLock(task::get,
                    new LockConfiguration(Instant.now(), name, Duration.ofMinutes(30), Duration.ZERO));
            if (!result.wasExecuted()) {
                throw DomainException.conflict("sync_running", "This sync is running already; try again in a moment");
            }
            return result.getResult();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
