package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThread;

/**
 * Phase 5 on the kernel side of Windows XP: a new thread's kernel context starts in
 * KiThreadStartup, which runs PspUserThreadStartup (it queues the LdrInitializeThunk user APC)
 * and then leaves for user mode, where the APC is delivered through KiUserApcDispatcher.
 */
public final class ClassicThreadStartup {
    private ClassicThreadStartup() {
    }

    /** sizeof(FX_SAVE_AREA) above InitialStack, and the start frame plus switch frame below a kernel thread's InitialStack. */
    public static final long FX_SAVE_AREA_SIZE = ClassicThreadCreation.FX_SAVE_AREA_SIZE;
    public static final long START_AND_SWITCH_FRAMES = ClassicThreadCreation.KSTART_FRAME_SIZE + ClassicThreadCreation.KSWITCHFRAME_SIZE;

    /**
     * WRK ke/i386/threadbg.asm: KiThreadStartup lowers the IRQL from DISPATCH_LEVEL (where the
     * context switch left it) to APC_LEVEL, calls the system routine KeInitThread recorded
     * (PspUserThreadStartup or PspSystemThreadStartup) and, for a thread with a user context,
     * leaves through KiServiceExit2 with the KTRAP_FRAME below the start frame.
     */
    public static final Routine KiThreadStartup = Executive.routine("nt!KiThreadStartup").stage(5)
            // LowerIrql APC_LEVEL (hal!KfLowerIrql)
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.APC_LEVEL;
                return StepResult.next();
            })
            // the system routine KeInitThread put in the start frame
            .inline((k, t, f) -> StepResult.call(t.systemThread ? SystemThreads.PspSystemThreadStartup : ThreadStartup.PspUserThreadStartupClassic, null))
            // leaving the kernel delivers the queued APC: user mode starts in ntdll's APC dispatcher
            .step("nt!KiDeliverApc", (k, t, f) -> {
                t.tcb.userApcQueue.removeIf(apc -> apc.routine().equals("ntdll!LdrInitializeThunk"));
                return new StepResult.Transfer(k.systemDllRoutine("ntdll!KiUserApcDispatcher"), null);
            })
            .build();

    /** NtContinue's CONTEXT, as far as the machine needs it: where user mode resumes (its Eip) and with what. */
    public record ContinueContext(Routine resumeAt, Object args) {
    }

    /**
     * NtContinue (WRK ke/i386/trap.asm, ps/psctx.c): KiContinue copies the CONTEXT the APC
     * dispatcher handed back into the thread's KTRAP_FRAME, and the service returns through
     * KiServiceExit to whatever that frame names: BaseProcessStartThunk for a Win32 process.
     */
    public static final Routine NtContinue = Executive.routine("nt!NtContinue").stage(6)
            .step("nt!KiContinue", (k, t, f) -> StepResult.next())
            .step("nt!KiServiceExit", (k, t, f) -> {
                ContinueContext context = f.args(ContinueContext.class);
                return new StepResult.Transfer(context.resumeAt(), context.args());
            })
            .build();
}
