package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;

/**
 * Phase 5 on the kernel side of Windows XP: a new thread's kernel context starts in
 * KiThreadStartup, which runs PspUserThreadStartup (it queues the LdrInitializeThunk user APC)
 * and then leaves for user mode, where the APC is delivered through KiUserApcDispatcher.
 */
public final class ClassicThreadStartup {
    private ClassicThreadStartup() {
    }

    public static final Routine KiThreadStartup = Executive.routine("nt!KiThreadStartup").stage(5)
            .call(ThreadStartup.PspUserThreadStartupClassic, (k, t, f) -> StepResult.call(ThreadStartup.PspUserThreadStartupClassic, null))
            // leaving the kernel delivers the queued APC: user mode starts in ntdll's APC dispatcher
            .step("nt!KiDeliverApc", (k, t, f) -> {
                t.tcb.userApcQueue.removeIf(apc -> apc.routine().equals("ntdll!LdrInitializeThunk"));
                return new StepResult.Transfer(k.systemDllRoutine("ntdll!KiUserApcDispatcher"), null);
            })
            .build();
}
