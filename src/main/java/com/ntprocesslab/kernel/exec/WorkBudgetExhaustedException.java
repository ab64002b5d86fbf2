package com.ntprocesslab.kernel.exec;

/** Work ran out of its {@link WorkBudget}: too many steps, or past the caller's deadline. */
public final class WorkBudgetExhaustedException extends RuntimeException {

    public enum Kind { STEPS, TIME }

    private final Kind kind;
    private final long steps;

    WorkBudgetExhaustedException(Kind kind, long steps) {
        super(kind == Kind.STEPS ? "more than " + steps + " steps" : "out of time after " + steps + " steps", null, false, false);
        this.kind = kind;
        this.steps = steps;
    }

    public Kind kind() {
        return kind;
    }

    /** The step limit that was passed (STEPS) or the steps run until time was up (TIME). */
    public long steps() {
        return steps;
    }
}
