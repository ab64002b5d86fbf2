package com.ntprocesslab.kernel.exec;

/**
 * One activation of a routine on a thread's stack: the routine, the step about to run, its
 * argument block (plain data) and the status the last callee returned.
 */
public final class Frame {
    public final Routine routine;
    public final Object args;
    public int pc;
    public long calleeStatus;
    /** Pushed by a debugger-style .call on top of whatever the thread was doing: its return resumes nothing. */
    public boolean injected;

    public Frame(Routine routine, Object args) {
        this.routine = routine;
        this.args = args;
    }

    public Step currentStep() { return routine.step(pc); }

    @SuppressWarnings("unchecked")
    public <T> T args(Class<T> type) { return (T) args; }
}
