package dev.ordino.ordering;

import static dev.ordino.ordering.OrderStatus.CANCELLED;
import static dev.ordino.ordering.OrderStatus.COMPLETED;
import static dev.ordino.ordering.OrderStatus.CONFIRMED;
import static dev.ordino.ordering.OrderStatus.IN_PROGRESS;
import static dev.ordino.ordering.OrderStatus.PARTIAL;
import static dev.ordino.ordering.OrderStatus.PENDING;
import static dev.ordino.ordering.OrderStatus.PROCESSING;
import static dev.ordino.ordering.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The order's state machine and how an order follows its items, without a database. */
class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            PENDING, Set.of(CONFIRMED, PROCESSING, COMPLETED, CANCELLED, REJECTED),
            CONFIRMED, Set.of(PROCESSING, COMPLETED, CANCELLED),
            PROCESSING, Set.of(IN_PROGRESS, COMPLETED, PARTIAL, CANCELLED),
            IN_PROGRESS, Set.of(COMPLETED, PARTIAL, CANCELLED),
            COMPLETED, Set.of(), PARTIAL, Set.of(), CANCELLED, Set.of(), REJECTED, Set.of());

    @Test
    void everyAllowedMoveIsAllowedAndEveryOtherRefused() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
            assertThat(from.isFinal()).isEqualTo(ALLOWED.get(from).isEmpty());
        }
    }

    @Test
    void anOrderFollowingAProviderStepsThroughProcessingWhereItMustAndNeverBackwards() {
        assertThat(PENDING.stepsTo(IN_PROGRESS)).containsExactly(PROCESSING, IN_PROGRESS);
        assertThat(PENDING.stepsTo(PARTIAL)).containsExactly(PROCESSING, PARTIAL);
        assertThat(PENDING.stepsTo(COMPLETED)).containsExactly(COMPLETED);
        assertThat(CONFIRMED.stepsTo(IN_PROGRESS)).containsExactly(PROCESSING, IN_PROGRESS);
        assertThat(PROCESSING.stepsTo(IN_PROGRESS)).containsExactly(IN_PROGRESS);
        assertThat(IN_PROGRESS.stepsTo(PROCESSING)).isEmpty();
        assertThat(COMPLETED.stepsTo(CANCELLED)).isEmpty();
        assertThat(PROCESSING.stepsTo(PROCESSING)).isEmpty();
    }

    @Test
    void anOrderStandsAtItsLeastAdvancedOpenItem() {
        assertThat(OrderStatus.followingItems(List.of(PENDING, PENDING))).isEqualTo(PENDING);
        assertThat(OrderStatus.followingItems(List.of(IN_PROGRESS, PROCESSING))).isEqualTo(PROCESSING);
        assertThat(OrderStatus.followingItems(List.of(IN_PROGRESS, IN_PROGRESS))).isEqualTo(IN_PROGRESS);
        // once any item got to a provider, the order is at least processing
        assertThat(OrderStatus.followingItems(List.of(PENDING, IN_PROGRESS))).isEqualTo(PROCESSING);
        assertThat(OrderStatus.followingItems(List.of(CONFIRMED, COMPLETED))).isEqualTo(PROCESSING);
        assertThat(OrderStatus.followingItems(List.of(IN_PROGRESS, COMPLETED))).isEqualTo(IN_PROGRESS);
    }

    @Test
    void anOrderWhoseItemsAllEndedIsCompletedCancelledOrPartial() {
        assertThat(OrderStatus.followingItems(List.of(COMPLETED, COMPLETED))).isEqualTo(COMPLETED);
        assertThat(OrderStatus.followingItems(List.of(CANCELLED, REJECTED))).isEqualTo(CANCELLED);
        assertThat(OrderStatus.followingItems(List.of(COMPLETED, CANCELLED))).isEqualTo(PARTIAL);
        assertThat(OrderStatus.followingItems(List.of(PARTIAL))).isEqualTo(PARTIAL);
        assertThat(OrderStatus.followingItems(List.of(COMPLETED, PARTIAL))).isEqualTo(PARTIAL);
    }
}
