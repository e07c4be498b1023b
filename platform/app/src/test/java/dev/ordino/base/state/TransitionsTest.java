package dev.ordino.base.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionsTest {

    enum Light implements MachineState<Light> {
        RED, GREEN, YELLOW_BLINKING;

        static final Transitions<Light> MACHINE = Transitions.of(Light.class, "light").allow(RED, GREEN).allow(GREEN, RED);

        @Override
        public Transitions<Light> transitions() {
            return MACHINE;
        }
    }

    @Test
    void statesAreStoredInLowerCaseAndReadBackWhateverTheCase() {
        assertThat(Light.YELLOW_BLINKING.key()).isEqualTo("yellow_blinking");
        assertThat(Light.YELLOW_BLINKING.sql()).isEqualTo("'yellow_blinking'");
        assertThat(Light.MACHINE.parse(" Yellow_Blinking ")).isEqualTo(Light.YELLOW_BLINKING);
        assertThatThrownBy(() -> Light.MACHINE.parse("blue")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGuardNamesTheColumnAndEveryStateItMovesFromAndRefusesAMoveNotAllowed() {
        assertThat(Light.GREEN.from(Light.RED)).isEqualTo("light IN ('red')");
        assertThat(Light.MACHINE.in(EnumSet.of(Light.RED, Light.GREEN))).isEqualTo("light IN ('red', 'green')");
        assertThatThrownBy(() -> Light.MACHINE.guard(Light.GREEN, List.of(Light.RED, Light.YELLOW_BLINKING)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Light: yellow_blinking cannot become green");
        assertThat(Light.YELLOW_BLINKING.isFinal()).isTrue();
        assertThat(Light.MACHINE.next(Light.RED)).containsExactly(Light.GREEN);
    }
}
