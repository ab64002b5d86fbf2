package com.ntprocesslab.kernel.ke;

import java.util.ArrayList;
import java.util.List;

/** KTHREAD: scheduling state, suspend count, wait block and APC queues. */
public final class KThread {
    public KThreadState state = KThreadState.Initialized;
    public int priority;
    public int basePriority;
    /** KTHREAD.Saturation: +1/-1 when the base priority was set to the top/bottom of its range (TIME_CRITICAL, IDLE), else 0. */
    public int saturation;
    public int suspendCount;
    /**
     * KTHREAD.IdealProcessor: the processor the scheduler prefers for the thread. KeStartThread
     * takes it from the process's ThreadSeed, which walks the active processors; the machine has
     * one, processor 0, so every thread's is 0.
     */
    public int idealProcessor;
    public KWaitReason waitReason;
    /** The dispatcher object the thread waits on; null when it waits for a resume only. */
    public DispatcherObject waitObject;
    /** The interrupt time a timed wait ends at (its KTIMER's due time); 0: no timed wait. */
    public long waitDeadline;
    public final List<Apc> kernelApcQueue = new ArrayList<>();
    public final List<Apc> userApcQueue = new ArrayList<>();
    /**
     * KTHREAD.Alertable: the thread waits in user mode and a user APC may end the wait
     * (WaitForSingleObjectEx with bAlertable TRUE). Set only while the alertable wait lasts.
     */
    public boolean alertable;
    /**
     * ApcState.UserApcPending: an alertable wait ended for a queued user APC, which KiDeliverApc
     * hands to user mode on the way out of the system service (WRK ke/wait.c TestForAlertPending).
     */
    public boolean userApcPending;
    public boolean initialized;
    /** ApcState.Process while KeAttachProcess has the thread in another address space; null otherwise. */
    public KProcess apcStateProcess;
    /**
     * SavedApcState (XP +0x14c): while the thread is attached, the APC state of its own process
     * (its Process and its APC lists and UserApcPending); empty, with a null Process, otherwise.
     */
    public KProcess savedApcStateProcess;
    public final List<Apc> savedKernelApcQueue = new ArrayList<>();
    public final List<Apc> savedUserApcQueue = new ArrayList<>();
    public boolean savedUserApcPending;
    /**
     * The IRQL the thread runs at: the processor's (KPCR.Irql, what !irql shows) while the
     * thread is current, the level it resumes at otherwise. Every step runs at PASSIVE_LEVEL
     * but a new thread's first ones: the first switch to it lands in KiThreadStartup (x86) or
     * KiStartUserThread (x64) at DISPATCH_LEVEL (WRK ke/i386/ctxswap.asm, ke/amd64/threadbg.asm).
     */
    public int irql;

    /**
     * KiAttachProcess's KiMoveApcState(&ApcState, &SavedApcState) and what follows it (WRK
     * ke/procobj.c): the thread's own APC state, whose Process is {@code own}, is saved; the
     * ApcState the thread runs with while attached starts with empty lists and nothing pending.
     */
    public void saveApcState(KProcess own) {
        savedApcStateProcess = own;
        savedKernelApcQueue.addAll(kernelApcQueue);
        savedUserApcQueue.addAll(userApcQueue);
        savedUserApcPending = userApcPending;
        kernelApcQueue.clear();
        userApcQueue.clear();
        userApcPending = false;
    }

    /**
     * KeDetachProcess (WRK ke/procobj.c): KiMoveApcState(&SavedApcState, &ApcState) gives the
     * thread its own APC state back, SavedApcState.Process becomes NULL and ApcStateIndex 0.
     * (An APC queued to the attached state would be a bug check there; here it is kept, after
     * the saved ones.)
     */
    public void restoreApcState() {
        apcStateProcess = null;
        kernelApcQueue.addAll(0, savedKernelApcQueue);
        userApcQueue.addAll(0, savedUserApcQueue);
        userApcPending |= savedUserApcPending;
        savedKernelApcQueue.clear();
        savedUserApcQueue.clear();
        savedUserApcPending = false;
        savedApcStateProcess = null;
    }

    public static final int PASSIVE_LEVEL = 0;
    public static final int APC_LEVEL = 1;
    public static final int DISPATCH_LEVEL = 2;
}
