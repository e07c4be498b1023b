package dev.ordino.ordering;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a customer looks for among their orders: a group of statuses (a tab) and text matching the
 * order number or a link of one of its items.
 */
public record MyOrdersFilter(Set<OrderStatus> statuses, String query) {

    /** The tabs of "My orders", each a group of statuses. */
    public enum Tab {
        ALL(EnumSet.allOf(OrderStatus.class)),
        ACTIVE(EnumSet.of(OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.IN_PROGRESS)),
        COMPLETED(EnumSet.of(OrderStatus.COMPLETED, OrderStatus.PARTIAL)),
        CANCELLED(EnumSet.of(OrderStatus.CANCELLED, OrderStatus.REJECTED));

        private final Set<OrderStatus> statuses;

        Tab(Set<OrderStatus> statuses) {
            this.statuses = statuses;
        }

        public Set<OrderStatus> statuses() {
            return statuses;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
