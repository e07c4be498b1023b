package dev.ordino.stock;

import dev.ordino.base.state.MachineState;
import dev.ordino.base.state.Transitions;

/**
 * Where one code of a digital offering stands ({@code code_stock.state}). A reservation ends by
 * the sale, by its release, or by its expiry (an expired reservation counts as available and is
 * taken as such); a sold code is never sold again, only voided (and replaced).
 */
public enum CodeState implements MachineState<CodeState> {
    AVAILABLE, RESERVED, SOLD, VOID;

    private static final Transitions<CodeState> MACHINE = Transitions.of(CodeState.class, "state")
            .allow(AVAILABLE, RESERVED, SOLD, VOID)
            .allow(RESERVED, AVAILABLE, RESERVED, SOLD, VOID)
            .allow(SOLD, VOID);

    @Override
    public Transitions<CodeState> transitions() {
        return MACHINE;
    }

    public static CodeState parse(String value) {
        return MACHINE.parse(value);
    }
}
