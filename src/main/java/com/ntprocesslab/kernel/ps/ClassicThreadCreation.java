package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;
import static com.ntprocesslab.kernel.ps.CreationSteps.exitFailure;
import static com.ntprocesslab.kernel.ps.CreationSteps.nextOrExit;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.AllocationKind;

/**
 * Windows XP / WRK thread creation, phase 3: NtCreateThread -> PspCreateThread. The caller
 * already built the stack (INITIAL_TEB) and the context (where user mode starts); the kernel
 * adds the ETHREAD, its CID and TEB, points the kernel context at KiThreadStartup and lists
 * the thread. A failure drops the creation reference; the Thread type's delete procedure
 * undoes the rest.
 */
public final class ClassicThreadCreation {
    private ClassicThreadCreation() {
    }

    /** THREAD_TERMINATE | THREAD_SET_INFORMATION | THREAD_QUERY_INFORMATION (WRK PspCreateThread). */
    static final long THREAD_SELF_ACCESS = 0x0001 | 0x0020 | 0x0040;

    /** sizeof(FX_SAVE_AREA): the NPX save area at the top of an x86 kernel stack, above InitialStack. */
    static final long FX_SAVE_AREA_SIZE = 0x210;
    /** sizeof(KTRAP_FRAME) on x86. */
    static final long KTRAP_FRAME_SIZE = 0x8c;
    /** KiThreadStartup's start frame (SystemRoutine, StartRoutine, StartContext, UserThread) and the KSWITCHFRAME below it. */
    static final long KSTART_FRAME_SIZE = 0x10;
    static final long KSWITCHFRAME_SIZE = 0x0c;

    /**
     * KeInitThread (WRK ke/thredobj.c): the kernel stack, then KiInitializeContextThread,
     * which lays out the first frames on it (ReactOS ke/i386/thrdini.c, KUINIT_FRAME): the NPX
     * save area, the KTRAP_FRAME that will return to user mode with the caller's CONTEXT, the
     * start frame with PspUserThreadStartup as system routine, and the switch frame whose
     * return address is KiThreadStartup, where the first context switch to the thread lands.
     */
    static final Routine KeInitThread = Executive.routine("nt!KeInitThread").stage(3)
            .step("nt!MmCreateKernelStack", (k, t, f) -> {
                EThread thread = creation(f).thread;
                thread.kernelStackBase = k.platform.kernelStackBase(thread.address);
                return next();
            })
            .step("nt!KiInitializeContextThread", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EThread thread = c.thread;
                thread.initialStack = thread.kernelStackBase - FX_SAVE_AREA_SIZE;
                thread.initialRoutine = ClassicThreadStartup.KiThreadStartup;
                if (thread.systemThread) {
                    // no user context: no KTRAP_FRAME, the start frame names PspSystemThreadStartup and the StartRoutine
                    thread.kernelStack = thread.initialStack - KSTART_FRAME_SIZE - KSWITCHFRAME_SIZE;
                } else {
                    thread.trapFrame = thread.initialStack - KTRAP_FRAME_SIZE;
                    thread.kernelStack = thread.trapFrame - KSTART_FRAME_SIZE - KSWITCHFRAME_SIZE;
                    // the KTRAP_FRAME's Eip and Eax: where user mode starts (BaseProcessStartThunk) and the image entry point
                    thread.startAddress = c.contextStartAddress;
                    thread.win32StartAddress = c.contextEntryPoint;
                    thread.startRoutine = c.startRoutine;
                }
                thread.tcb.basePriority = c.process.pcb.basePriority;
                thread.tcb.priority = c.process.pcb.basePriority;
                thread.tcb.state = KThreadState.Initialized;
                thread.tcb.initialized = true;
                // the first switch to the thread (SwapContext, at DISPATCH_LEVEL) resumes it in KiThreadStartup at that level
                thread.tcb.irql = KThread.DISPATCH_LEVEL;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * PspCreateThread in WRK's order (seed 004; seed 003 shows SP3 doing the same): the process
     * (never System from user mode), the object (0x258 bytes), its ID, the TEB, KeInitThread,
     * the PROCESS_DELETE check under the process lock, the thread list, the notify routines,
     * the suspend, the access state and the caller's handle, the create time, and the thread's
     * own granted access from SeAccessCheck; last KeReadyThread.
     */
    static final Routine PspCreateThread = Executive.routine("nt!PspCreateThread").stage(3)
            // PsCreateSystemThread passes no handle: the System process itself
            .inline((k, t, f) -> creation(f).systemStartRoutine == null ? next() : jump("systemProcess"))
            // the target process, which must grant PROCESS_CREATE_THREAD
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = CreationSupport.referenceProcessToCreateThread(k, t, c);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                c.status = NtStatus.STATUS_SUCCESS;
                return next();
            })
            // user mode may not add threads to the System process
            .inline((k, t, f) -> creation(f).process == k.systemProcess ? exitFailure(creation(f), NtStatus.STATUS_INVALID_HANDLE) : jump("object"))
            .label("systemProcess")
            .step("nt!ObReferenceObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObjectManager.ObReferenceObject(k.systemProcess);
                c.process = k.systemProcess;
                c.status = NtStatus.STATUS_SUCCESS;
                return next();
            })
            .label("object")
            .step("nt!ObCreateObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EThread thread = CreationSupport.createThreadObject(k, c);
                if (thread == null) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.thread = thread;
                return next();
            })
            // the thread ID, from the same number space as process IDs
            .step("nt!ExCreateHandle", (k, t, f) -> nextOrExit(creation(f), CreationSupport.createThreadId(k, creation(f).thread)))
            // ExAcquireRundownProtection: a process whose rundown began (its last thread gone) takes no new thread
            .inline((k, t, f) -> creation(f).process.exited ? exitFailure(creation(f), NtStatus.STATUS_PROCESS_IS_TERMINATING) : next())
            // a system thread (PS_CROSS_THREAD_FLAGS_SYSTEM) has no TEB; its StartAddress is the StartRoutine
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.systemStartRoutine == null) {
                    return next();
                }
                c.thread.systemThread = true;
                c.thread.systemStartRoutine = c.systemStartRoutine;
                c.thread.startAddress = k.symbolAddress(c.systemStartRoutine.symbol());
                c.thread.win32StartAddress = c.thread.startAddress;
                return jump("kernelThread");
            })
            // the TEB records the stack the caller reserved (the captured INITIAL_TEB)
            .step("nt!MmCreateTeb", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.thread.stackBase = c.stackBase;
                c.thread.stackLimit = c.stackLimit;
                long status = MemoryManager.MmCreateTeb(k, c.thread);
                if (!NtStatus.success(status)) {
                    // the stack stays the caller's: only the TEB would have been this thread's
                    c.thread.stackBase = 0;
                    c.thread.stackLimit = 0;
                    return exitFailure(c, status);
                }
                return next();
            })
            .label("kernelThread")
            .call(KeInitThread)
            // PspLockProcessExclusive: a process being deleted or terminated gets no new thread
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.process.processExiting || c.process.exited) {
                    // KeUninitThread and MmDeleteTeb: the thread's delete procedure frees the TEB with the object
                    return exitFailure(c, NtStatus.STATUS_PROCESS_IS_TERMINATING);
                }
                return next();
            })
            // KeStartThread: into the process's thread list; the thread holds its own running reference
            .step("nt!KeStartThread", (k, t, f) -> {
                CreationSupport.insertThread(creation(f));
                return next();
            })
            // the first thread of a process is when the process-creation callbacks run
            .inline((k, t, f) -> creation(f).process.activeThreads == 1 ? next() : jump("threadNotify"))
            .call(NotifyRoutines.PspCallProcessNotifyRoutines, (k, t, f) -> CreationSupport.callProcessNotifyRoutines(creation(f)))
            .label("threadNotify")
            .call(NotifyRoutines.PspCallThreadNotifyRoutines, (k, t, f) -> CreationSupport.callThreadNotifyRoutines(creation(f)))
            .inline((k, t, f) -> creation(f).createSuspended ? next() : jump("accessState"))
            .step("nt!KeSuspendThread", (k, t, f) -> {
                creation(f).thread.tcb.suspendCount++;
                return next();
            })
            .label("accessState")
            // the access the creator's handle will grant (THREAD_ALL_ACCESS at most)
            .step("nt!SeCreateAccessStateEx", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.grantedAccess = c.desiredAccess & AccessMask.THREAD_ALL_ACCESS_XP;
                return next();
            })
            .step("nt!ObInsertObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLE)) {
                    // already listed: it terminates without ever running
                    Termination.abandonUnstartedThread(k, c.thread);
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.threadHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, c.thread, c.grantedAccess, false);
                c.returnClientId(c.process.uniqueProcessId, c.thread.uniqueThread);
                return next();
            })
            .step("nt!KeQuerySystemTime", (k, t, f) -> {
                creation(f).thread.createTime = k.clock();
                return next();
            })
            // the thread's own access to itself (ETHREAD.GrantedAccess): the process's token against the thread's security;
            // whatever the check says, a thread may terminate, set and query itself
            .with(SelfAccessCheck.steps(AccessMask.THREAD_ALL_ACCESS_XP, THREAD_SELF_ACCESS, (c, granted) -> c.thread.grantedAccess = granted))
            // ready to run; a suspended thread parks in a Suspended wait until NtResumeThread
            .step("nt!KeReadyThread", (k, t, f) -> {
                EThread thread = creation(f).thread;
                if (thread.tcb.suspendCount > 0) {
                    thread.tcb.state = KThreadState.Waiting;
                    thread.tcb.waitReason = KWaitReason.Suspended;
                } else {
                    k.scheduler.ready(thread);
                }
                return next();
            })
            .label("exit")
            // the creation references go; on failure the thread's was the last one
            .step("nt!ObDereferenceObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.thread != null) {
                    EThread thread = c.thread;
                    c.thread = null;
                    thread.creationFailed = !NtStatus.success(c.status);
                    ObjectManager.ObDereferenceObject(k, thread);
                }
                EProcess process = c.process;
                c.process = null;
                ObjectManager.ObDereferenceObject(k, process);
                return ret(c.status);
            })
            .build();

    public static final Routine NtCreateThread = Executive.routine("nt!NtCreateThread").stage(3)
            // a thread needs the CONTEXT the caller initialised
            .inline((k, t, f) -> creation(f).contextStartAddress == 0 ? ret(NtStatus.STATUS_INVALID_PARAMETER) : next())
            .tailCall(PspCreateThread)
            .build();
}
