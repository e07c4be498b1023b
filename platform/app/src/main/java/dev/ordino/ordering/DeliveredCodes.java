package dev.ordino.ordering;

import java.util.List;

/**
 * The codes an order was sold, as staff see them on the order: masked, each revealed in full only
 * on request and then written to the audit log. Offered by the stock module, which ordering may
 * not depend on.
 */
public interface DeliveredCodes {

    /** A code of the order: {@code masked} shows only its last characters; {@code voided} when it was replaced. */
    record DeliveredCode(long id, String masked, boolean voided) {
    }

    /** The order's codes, sold or voided, in the order they were handed over. */
    List<DeliveredCode> ofOrder(long orderId);

    /** One of them in full, for staff helping the customer; written to the audit log. */
    String reveal(long codeId, String actor);
}
