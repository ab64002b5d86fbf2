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
    /** Pushed on top of whatever the thread was doing (a work item on a waiting system thread): its return resumes nothing. */
    public boolean injected;
    /**
     * The thread stands at this routine's entry and no step named it: it was pushed by an
     * inline call, a transfer, a thread's start or a .call. A breakpoint on the routine fires
     * here, and k's frame 00 is the routine itself; the entry is left by the routine's first
     * step (or, when that step enters another function, by a step of its own, so the two
     * entries are two stops).
     */
    public boolean entry;

    public Frame(Routine routine, Object args) {
        this.routine = routine;
        this.args = args;
    }

    /** A frame nothing entered by name: it stands at its routine's entry (see {@link #entry}). */
    public static Frame entered(Routine routine, Object args) {
        Frame frame = new Frame(routine, args);
        frame.entry = true;
        return frame;
    }

    /** At the entry while the first step names another function: the entry is a step of its own. */
    public boolean entryStep() { return entry && routine.step(pc).symbol() != null; }

    public Step currentStep() { return routine.step(pc); }

    @SuppressWarnings("unchecked")
    public <T> T args(Class<T> type) { return (T) args; }
}
