package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.nt.NtStatus;

/**
 * Stage 7 on the kernel side, as each kernel starts a new thread. Windows 10
 * (KiStartUserThread -> PspUserThreadStartup): PspUserThreadStartup sets up the initial thunk
 * context, so the thread leaves the kernel straight into ntdll!LdrInitializeThunk, which then
 * continues to RtlUserThreadStart; no APC is involved (Windows Internals 7th ed., part 1,
 * chapter 3, stage 7). Windows XP (KiThreadStartup -> PspUserThreadStartup, WRK
 * ps/create.c): PspUserThreadStartup queues LdrInitializeThunk as a user APC, which
 * KiDeliverApc hands to ntdll!KiUserApcDispatcher on the way out ({@link ClassicThreadStartup}).
 */
public final class ThreadStartup {
    private ThreadStartup() {
    }

    static final Routine PspUserThreadStartup = Executive.routine("nt!PspUserThreadStartup").stage(7)
            // KeLowerIrql(PASSIVE_LEVEL): KiStartUserThread called it at APC_LEVEL (WRK ps/create.c
            // PspUserThreadStartup; Windows Internals 7th ed., part 1, ch. 3, stage 7; seed 001 stage 7 item 2)
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.PASSIVE_LEVEL;
                return next();
            })
            // the process has run: its primary token can no longer be swapped (EPROCESS Flags2.PrimaryTokenFrozen;
            // the first thread sets it, later ones find it set; Windows Internals 7th ed., part 1, ch. 3, stage 7; seed 001 stage 7 item 3)
            .inline((k, t, f) -> {
                t.process.primaryTokenFrozen = true;
                return next();
            })
            // WRK ps/create.c PspUserThreadStartup: unless the creation failed after insertion (a dead thread), the TEB
            // takes the locale MmGetSessionLocaleId gives and the KTHREAD's ideal processor (seed 001 stage 7 item 4)
            .inline((k, t, f) -> {
                if (!t.creationFailed) {
                    t.teb.currentLocale = k.psDefaultThreadLocaleId;
                    t.teb.idealProcessor = t.tcb.idealProcessor;
                }
                return next();
            })
            // tell an attached debugger about the new thread; the first one reports its process's images
            // WRK ps/create.c PspUserThreadStartup: a thread already marked terminated (CrossThreadFlags) reports nothing
            .call(NotifyRoutines.DbgkCreateThread, (k, t, f) -> t.terminationRequested ? next()
                    : StepResult.call(NotifyRoutines.DbgkCreateThread, null))
            // the initial thunk context: user mode begins in LdrInitializeThunk, with RtlUserThreadStart's context to continue to
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * XP's PspUserThreadStartup (WRK ps/create.c): at PASSIVE_LEVEL it tells the debugger, then
     * at APC_LEVEL queues the loader as the thread's first user APC, delivered on the way out
     * to user mode, and drops back to PASSIVE_LEVEL.
     */
    static final Routine PspUserThreadStartupClassic = Executive.routine("nt!PspUserThreadStartup").stage(5)
            // KeLowerIrql(PASSIVE_LEVEL): KiThreadStartup called it at APC_LEVEL
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.PASSIVE_LEVEL;
                return next();
            })
            // WRK ps/create.c PspUserThreadStartup: a thread already marked terminated (CrossThreadFlags) reports nothing
            .call(NotifyRoutines.DbgkCreateThread, (k, t, f) -> t.terminationRequested ? next()
                    : StepResult.call(NotifyRoutines.DbgkCreateThread, null))
            // KeRaiseIrql(APC_LEVEL) around the APC set-up
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.APC_LEVEL;
                return next();
            })
            .step("nt!KeInsertQueueApc", (k, t, f) -> {
                t.tcb.userApcQueue.add(new Apc("ntdll!LdrInitializeThunk", true));
                return next();
            })
            // KeLowerIrql(PASSIVE_LEVEL)
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.PASSIVE_LEVEL;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * WRK base/ntos/ke/amd64/threadbg.asm: KiStartUserThread, entered at DISPATCH_LEVEL by the
     * first switch to the thread, sets the IRQL to APC_LEVEL and calls the system routine
     * KeInitThread recorded, PspUserThreadStartup (seed 001 stage 7: "from DPC to APC").
     */
    static final Routine KiStartUserThread = Executive.routine("nt!KiStartUserThread").stage(7)
            // SetIrql APC_LEVEL
            .inline((k, t, f) -> {
                t.tcb.irql = KThread.APC_LEVEL;
                return next();
            })
            .call(PspUserThreadStartup, (k, t, f) -> StepResult.call(PspUserThreadStartup, null))
            // the return to user mode through the trap frame PspUserThreadStartup prepared
            .step("nt!KiStartUserThreadReturn", (k, t, f) -> new StepResult.Transfer(k.systemDllRoutine("ntdll!LdrInitializeThunk"), null))
            .build();

    /**
     * The first time the scheduler picks a new thread, it starts where KeInitThread pointed its
     * context: KiThreadStartup on the classic kernel, KiStartUserThread otherwise.
     */
    public static void enterInitialThread(EThread thread) {
        thread.started = true;
        thread.frames.add(Frame.entered(thread.initialRoutine != null ? thread.initialRoutine : KiStartUserThread, null));
    }
}
