package dev.ordino.stock;

import dev.ordino.ordering.CodeDelivery;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * New codes go to the lines waiting for them first. Runs after the upload commits, from the
 * event publication registry, so a crash in between is replayed rather than forgotten.
 */
@Component
class WaitingLines {

    private final CodeDelivery delivery;

    WaitingLines(CodeDelivery delivery) {
        this.delivery = delivery;
    }

    @ApplicationModuleListener
    void on(CodesAdded event) {
        delivery.fillWaiting(event.offeringId(), "system");
    }
}
