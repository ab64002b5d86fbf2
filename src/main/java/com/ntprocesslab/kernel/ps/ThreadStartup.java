package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.nt.NtStatus;

/**
 * Stage 7 on the kernel side: the new thread's first instructions (KiStartUserThread ->
 * PspUserThreadStartup), which queue the LdrInitializeThunk user APC and drop to user mode.
 */
public final class ThreadStartup {
    private ThreadStartup() {
    }

    public static final Routine PspUserThreadStartup = pspUserThreadStartup(7);

    /** XP's PspUserThreadStartup does the same work; there it belongs to phase 5 (starting the thread). */
    public static final Routine PspUserThreadStartupClassic = pspUserThreadStartup(5);

    private static Routine pspUserThreadStartup(int stage) {
        return Executive.routine("nt!PspUserThreadStartup").stage(stage)
            // tell an attached debugger about the new thread; the first one reports its process's images
            .call(NotifyRoutines.DbgkCreateThread, (k, t, f) -> StepResult.call(NotifyRoutines.DbgkCreateThread, null))
            // the loader runs first, as a user APC delivered on the way out to user mode
            .step("nt!KeInsertQueueApc", (k, t, f) -> {
                t.tcb.userApcQueue.add(new Apc("ntdll!LdrInitializeThunk", true));
                return next();
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();
    }

    public static final Routine KiStartUserThread = Executive.routine("nt!KiStartUserThread").stage(7)
            .call(PspUserThreadStartup, (k, t, f) -> StepResult.call(PspUserThreadStartup, null))
            // leaving the kernel delivers the queued APC: the thread continues in ntdll
            .step("nt!KiDeliverApc", (k, t, f) -> {
                t.tcb.userApcQueue.removeIf(apc -> apc.routine().equals("ntdll!LdrInitializeThunk"));
                return new StepResult.Transfer(k.systemDllRoutine("ntdll!LdrInitializeThunk"), null);
            })
            .build();

    /**
     * The first time the scheduler picks a new thread, it starts where KeInitThread pointed its
     * context: KiThreadStartup on the classic kernel, KiStartUserThread otherwise.
     */
    public static void enterInitialThread(EThread thread) {
        thread.started = true;
        thread.frames.add(new Frame(thread.initialRoutine != null ? thread.initialRoutine : KiStartUserThread, null));
    }
}
