package com.ntprocesslab.kernel.ke;

/**
 * A queued KAPC: the routine it will run (a symbol), whether it targets user mode, its
 * NormalContext (the exit status of PspTerminateThreadByPointer's exit APC) and, for a user APC
 * QueueUserAPC-style, the routine the dispatch routine calls with its argument (SystemArgument1/2).
 */
public record Apc(String routine, boolean userMode, long context, Object argument) {
    public Apc(String routine, boolean userMode) {
        this(routine, userMode, 0, null);
    }

    public Apc(String routine, boolean userMode, long context) {
        this(routine, userMode, context, null);
    }
}
