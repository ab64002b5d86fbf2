package com.ntprocesslab.kernel.kd;

/**
 * One breakpoint: its number, the symbol it stops before (a routine's entry is the step that
 * calls it), and whether it is enabled. {@code resolved} is false for a {@code bu} whose
 * symbol is not known yet: it is kept by name and hits as soon as a step of that name runs.
 */
public record Breakpoint(int id, String symbol, boolean resolved, boolean enabled) {
    Breakpoint withEnabled(boolean on) {
        return new Breakpoint(id, symbol, resolved, on);
    }
}
