package dev.ordino.ordering;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer may read of their order's timeline (white label): the shop never shows where it buys.
 * Staff lines keep the full detail (provider name, the provider's order reference, its errors); the customer
 * gets the status changes with the shop as the actor and only the notes they wrote themselves. The rule keeps
 * what is known to be the customer's rather than removing what looks like a provider's, so a new kind of
 * staff note cannot leak.
 */
final class CustomerTimeline {

    /** The actor shown to customers for everything the shop (staff, providers, the system) did. */
    static final String SHOP = "shop";

    private CustomerTimeline() {
    }

    /**
     * @param full the whole timeline, oldest first; its first line is the placement, written by the customer
     */
    static List<TimelineEntry> of(List<TimelineEntry> full) {
        if (full.isEmpty()) {
            return full;
        }
        String customer = full.getFirst().actor();
        List<TimelineEntry> shown = new ArrayList<>(full.size());
        for (TimelineEntry e : full) {
            boolean own = customer != null && customer.equals(e.actor());
            if (own) {
                shown.add(e);
            } else if (e.from() != e.to()) {
                shown.add(new TimelineEntry(e.at(), SHOP, e.from(), e.to(), null));
            }
            // a staff note that changes no status stays in the back office
        }
        return List.copyOf(shown);
    }
}
