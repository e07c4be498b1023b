package dev.ordino.payment;

import dev.ordino.base.live.LiveUpdates;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/**
 * Tells open top-up pages, on this node and the others, that their payment changed, once the
 * change is committed (see {@link LiveUpdates}).
 */
@Component
public class PaymentUpdates {

    static final String TOPIC = "payment";

    private final LiveUpdates updates;

    PaymentUpdates(LiveUpdates updates) {
        this.updates = updates;
    }

    /** Calls {@code listener} with the payment id after each committed change; close the handle to stop. */
    public AutoCloseable subscribe(long paymentId, LongConsumer listener) {
        return updates.subscribe(TOPIC, paymentId, listener);
    }

    void changed(long paymentId) {
        updates.changed(TOPIC, paymentId);
    }
}
