package com.ntprocesslab.kernel.ke;

/**
 * A queued KAPC: the routine it will run (a symbol), whether it targets user mode, and its
 * NormalContext (the exit status of PspTerminateThreadByPointer's exit APC).
 */
public record Apc(String routine, boolean userMode, long context) {
    public Apc(String routine, boolean userMode) {
        this(routine, userMode, 0);
    }
}
