package com.ntprocesslab.kernel.exec;

/**
 * One step of a routine. {@code symbol} is the function the step enters (a leaf such as
 * nt!MmCreateProcessAddressSpace, or the routine a call step pushes); it is null for code
 * that runs inline in the routine itself, which a stack trace shows as routine+offset.
 */
public record Step(String symbol, int stage, StepAction<?, ?> action) {
    public boolean inline() {
        return symbol == null;
    }

    /**
     * Runs the action against the state root and thread the engine holds. The unchecked call
     * is sound because the state root extends every component's view of it.
     */
    @SuppressWarnings("unchecked")
    StepResult run(Object kernel, Object thread, Frame frame) {
        return ((StepAction<Object, Object>) action).run(kernel, thread, frame);
    }
}
