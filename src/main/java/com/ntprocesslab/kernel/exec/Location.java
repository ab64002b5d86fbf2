package com.ntprocesslab.kernel.exec;

/**
 * Where a thread stands: before step {@code pc} of its top frame. {@code symbol} is the
 * function that step enters (what a breakpoint matches), or null for inline code.
 */
public record Location(ExecutionThread thread, Frame frame, Step step, String symbol, int stage) {
    /**
     * True when the thread stands on a step that enters {@code symbol} (k shows that function
     * as frame 00, above the routine's frame); false at a routine's own entry or inside it.
     */
    public boolean inCallee() {
        return symbol != null && !frame.entry;
    }

    public String routine() {
        return frame.routine.symbol();
    }

    /** "module!Function" or "module!Routine+0x1c" as WinDbg prints the current instruction. */
    public String display() {
        if (symbol != null) {
            return symbol;
        }
        return frame.pc == 0 ? routine() : frame.routine.returnSite(frame.pc - 1);
    }
}
