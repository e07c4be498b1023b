package dev.ordino.payment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reconciliation: webhooks get lost, so pending payments are asked about (every 5 minutes by default). */
@Component
class PaymentJobs {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Payments payments;

    PaymentJobs(Payments payments) {
        this.payments = payments;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ordino.payments.reconcile-every:PT5M}")
    @SchedulerLock(name = "payment-reconciliation", lockAtMostFor = "PT30M")
    void reconcile() {
        int settled = payments.reconcile();
        if (settled > 0) {
            log.info("Reconciliation settled {} payments", settled);
        }
    }
}
