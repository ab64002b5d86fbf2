package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;

/**
 * Kernel-mode threads of the classic kernel (WRK ps/create.c): PsCreateSystemThread hands
 * PspCreateThread no process handle and no CONTEXT, so the thread belongs to the System
 * process, gets no TEB and no trap frame, and KeInitThread points it at
 * PspSystemThreadStartup, which runs the StartRoutine at PASSIVE_LEVEL.
 */
public final class SystemThreads {
    private SystemThreads() {
    }

    /** What a creator passes PsCreateSystemThread: the start routine (its code) and the handle it gets back. */
    public static PspCreateParameters request(Routine startRoutine) {
        PspCreateParameters c = new PspCreateParameters();
        c.systemStartRoutine = startRoutine;
        c.desiredAccess = AccessMask.THREAD_ALL_ACCESS_XP;
        return c;
    }

    /** PsCreateSystemThread(ProcessHandle NULL): PsInitialSystemProcess is the process, the previous mode kernel. */
    public static final Routine PsCreateSystemThread = Executive.routine("nt!PsCreateSystemThread")
            .tailCall(ClassicThreadCreation.PspCreateThread)
            .build();

    /**
     * PspSystemThreadStartup (WRK ps/create.c): KeLowerIrql(0), then the StartRoutine unless
     * the creator already marked the thread terminated; a StartRoutine that returns ends the
     * thread (PspTerminateThreadByPointer on itself).
     */
    static final Routine PspSystemThreadStartup = Executive.routine("nt!PspSystemThreadStartup").stage(5)
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.PASSIVE_LEVEL;
                return next();
            })
            .inline((k, t, f) -> t.terminationRequested ? next() : StepResult.call(t.systemStartRoutine, null))
            .call(Termination.PspTerminateThreadByPointer, (k, t, f) -> StepResult.call(Termination.PspTerminateThreadByPointer,
                    new ThreadExitArgs(t, NtStatus.STATUS_SUCCESS)))
            .build();
}
