package dev.ordino.ordering;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds staff of uncollected pickups, once per period across all nodes (the lock is held for
 * the period, so another node's run in the same period is skipped).
 */
@Component
class HandoverJobs {

    private static final Logger log = LoggerFactory.getLogger(HandoverJobs.class);

    private final Handovers handovers;

    HandoverJobs(Handovers handovers) {
        this.handovers = handovers;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${ordino.pickup.remind-every:PT1H}")
    @SchedulerLock(name = "pickup-reminders", lockAtLeastFor = "${ordino.pickup.remind-every:PT1H}",
            lockAtMostFor = "${ordino.pickup.remind-every:PT1H}")
    void remind() {
        int reminded = handovers.remindUncollected();
        if (reminded > 0) {
            log.info("Reminded staff of {} uncollected pickups", reminded);
        }
    }
}
