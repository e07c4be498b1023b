package dev.ordino.fulfilment;

import dev.ordino.base.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleConsumer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The provider jobs: sending due lines (every 15 s, rows claimed), order status sync (every
 * 5 minutes by default, {@code ordino.providers.order-sync}), service sync (daily), balance
 * check (hourly). Each scheduled job holds a ShedLock lock; "now" buttons take the same lock
 * and answer {@code sync_running} (409) while the job runs elsewhere.
 */
@Component
public class ProviderJobs {

    private static final Logger log = LoggerFactory.getLogger(ProviderJobs.class);
    static final String ORDER_SYNC = "provider-order-sync";
    static final String SERVICE_SYNC = "provider-service-sync";

    private final ProviderInstances instances;
    private final ProviderCatalog catalog;
    private final ProviderSubmission submission;
    private final ProviderStatusSync statusSync;
    private final LockingTaskExecutor locks;

    ProviderJobs(ProviderInstances instances, ProviderCatalog catalog, ProviderSubmission submission,
                 ProviderStatusSync statusSync, LockingTaskExecutor locks) {
        this.instances = instances;
        this.catalog = catalog;
        this.submission = submission;
        this.statusSync = statusSync;
        this.locks = locks;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "PT15S")
    void sendDue() {
        submission.recoverStuck();
        submission.submitDue();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ordino.providers.order-sync:PT5M}")
    @SchedulerLock(name = ORDER_SYNC, lockAtMostFor = "PT30M")
    void syncOrdersOnSchedule() {
        ProviderStatusSync.Result result = statusSync.syncAll();
        log.info("Provider order sync: {} checked, {} updated, {} calls", result.checked(), result.updated(), result.calls());
    }

    @Scheduled(cron = "${ordino.providers.service-sync-cron:0 30 3 * * *}")
    @SchedulerLock(name = SERVICE_SYNC, lockAtMostFor = "PT1H")
    void syncServicesOnSchedule() {
        for (ProviderInstances.Instance instance : instances.enabledInstances()) {
            try {
                ProviderCatalog.SyncResult result = locked(SERVICE_SYNC + ":" + instance.id(), () -> catalog.sync(instance.id(), share -> { }));
                log.info("Service sync of {}: {} updated, {} disabled, {} price rises", instance.name(), result.updated(),
                        result.disabled(), result.priceRises());
            } catch (RuntimeException e) {
                log.warn("Service sync of {} failed: {}", instance.name(), e.getMessage());
            }
        }
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${ordino.providers.balance-check:PT1H}")
    @SchedulerLock(name = "provider-balances", lockAtMostFor = "PT10M")
    void checkBalances() {
        instances.enabledInstances().forEach(instance -> {
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

    private <T> T locked(String name, java.util.function.Supplier<T> task) {
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
