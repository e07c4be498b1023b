package dev.ordino.payment.internal;

import dev.ordino.payment.Payments;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciliation: webhooks get lost, so pending payments are asked about (every 5 minutes by
 * default), once per period across all nodes: the lock is held for the period (at least, so
 * other nodes skip it; at most, so a node that dies holding it costs one period). Reconciling
 * twice at once would settle nothing twice: settling a payment is idempotent.
 */
@Component
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Payments payments;

    PaymentJobs(Payments payments) {
        this.payments = payments;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ordino.payments.reconcile-every:PT5M}")
    @SchedulerLock(name = "payment-reconciliation", lockAtLeastFor = "${ordino.payments.reconcile-every:PT5M}",
            lockAtMostFor = "${ordino.payments.reconcile-every:PT5M}")
    void reconcile() {
        int settled = payments.reconcile();
        if (settled > 0) {
            log.info("Reconciliation settled {} payments", settled);
        }
    }
}
