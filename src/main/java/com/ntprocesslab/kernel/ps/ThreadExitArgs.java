package com.ntprocesslab.kernel.ps;

/** Arguments of PspTerminateThreadByPointer / PspExitThread / PspExitProcess. */
public final class ThreadExitArgs {
    public final EThread target;
    public final long exitStatus;

    public ThreadExitArgs(EThread target, long exitStatus) {
        this.target = target;
        this.exitStatus = exitStatus;
    }
}
