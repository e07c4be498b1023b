package dev.ordino.payment;

import dev.ordino.base.LiveUpdates;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;

/** Tells open top-up pages that their payment changed, once the change is committed (see {@link LiveUpdates}). */
@Component
public class PaymentUpdates {

    private final LiveUpdates updates = new LiveUpdates("payment-updates");

    /** Calls {@code listener} with the payment id after each committed change; close the handle to stop. */
    public AutoCloseable subscribe(long paymentId, LongConsumer listener) {
        return updates.subscribe(paymentId, listener);
    }

    void changed(long paymentId) {
        updates.changed(paymentId);
    }
}
