package dev.ordino.ordering;

import static dev.ordino.ordering.HandoverStatus.AWAITING;
import static dev.ordino.ordering.HandoverStatus.DELIVERED;
import static dev.ordino.ordering.HandoverStatus.HANDED_OVER;
import static dev.ordino.ordering.HandoverStatus.READY;
import static dev.ordino.ordering.HandoverStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.base.state.MachineWalk;
import dev.ordino.catalog.FulfilmentMethod;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverStatusTest {

    @Test
    void aPickupIsReadiedThenHandedOverAndADeliverySentThenDeliveredAndNothingGoesBack() {
        MachineWalk.walk(HandoverStatus.class, Map.of(
                AWAITING, Set.of(READY, SENT),
                READY, Set.of(HANDED_OVER),
                SENT, Set.of(DELIVERED),
                HANDED_OVER, Set.of(),
                DELIVERED, Set.of()));
        assertThat(Arrays.stream(HandoverStatus.values()).filter(s -> s.belongsTo(FulfilmentMethod.PICKUP)))
                .containsExactly(AWAITING, READY, HANDED_OVER);
        assertThat(Arrays.stream(HandoverStatus.values()).filter(s -> s.belongsTo(FulfilmentMethod.DELIVERY)))
                .containsExactly(AWAITING, SENT, DELIVERED);
        assertThat(Arrays.stream(HandoverStatus.values()).filter(HandoverStatus::completesOrder)).containsExactly(HANDED_OVER, DELIVERED);
    }

    @Test
    void bookingCodesAreEightUnambiguousCharactersAndTypedCodesAreReadForgivingly() {
        assertThat(BookingCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B");
        String code = BookingCodes.next();
        assertThat(code).hasSize(8).matches("[" + BookingCodes.ALPHABET + "]{8}");
        assertThat(BookingCodes.normalize(" " + code.substring(0, 4).toLowerCase() + "-" + code.substring(4) + " ")).isEqualTo(code);
        assertThat(BookingCodes.normalize("1234")).isNull();
        assertThat(BookingCodes.normalize("OOOOOOOO")).isNull();
        assertThat(java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> BookingCodes.next()).distinct().count())
                .as("no repeats among ten thousand").isEqualTo(10_000);
    }
}
