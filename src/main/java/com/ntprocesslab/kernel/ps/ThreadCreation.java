package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;
import static com.ntprocesslab.kernel.ps.CreationSteps.nextOrReturn;
import static com.ntprocesslab.kernel.ps.CreationSteps.returnFailure;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.AllocationKind;

/** The initial thread (stage 4: PspAllocateThread, PspInsertThread) and suspend/resume. */
public final class ThreadCreation {
    private ThreadCreation() {
    }

    static final Routine PspAllocateThread = Executive.routine("nt!PspAllocateThread").stage(4)
            // user mode cannot add a thread to the System process: Windows 10 refuses it here, before the thread
            // object exists, with the status WRK's PspCreateThread gives (Windows Internals 7th ed., part 1, ch. 3, stage 4)
            .inline((k, t, f) -> creation(f).process == k.systemProcess
                    ? returnFailure(creation(f), NtStatus.STATUS_INVALID_HANDLE) : next())
            .step("nt!ObCreateObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EThread thread = CreationSupport.createThreadObject(k, c);
                if (thread == null) {
                    return returnFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                thread.createTime = k.clock();
                c.thread = thread;
                return next();
            })
            // the thread ID, from the same number space as process IDs
            .step("nt!ExCreateHandle", (k, t, f) -> nextOrReturn(creation(f), CreationSupport.createThreadId(k, creation(f).thread)))
            .step("nt!RtlCreateUserStack", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.createUserStack(k, c.thread, c.process.sectionObject.image.sizeOfStackReserve());
                return NtStatus.success(status) ? next() : returnFailure(c, status);
            })
            .step("nt!MmCreateTeb", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.MmCreateTeb(k, c.thread);
                return NtStatus.success(status) ? next() : returnFailure(c, status);
            })
            // KTHREAD: priority from the process, created suspended (resumed in stage 6)
            .step("nt!KeInitThread", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EThread thread = c.thread;
                thread.tcb.basePriority = c.process.pcb.basePriority;
                thread.tcb.priority = c.process.pcb.basePriority;
                thread.tcb.suspendCount = 1;
                thread.tcb.state = KThreadState.Initialized;
                thread.tcb.initialized = true;
                // the first switch to the thread (at DISPATCH_LEVEL) resumes it in KiStartUserThread at that level
                // (Windows Internals 7th ed., part 1, ch. 3, stage 7; seed 001 stage 7)
                thread.tcb.irql = KThread.DISPATCH_LEVEL;
                thread.startAddress = k.symbolAddress("ntdll!RtlUserThreadStart");
                thread.win32StartAddress = c.startRoutine != null ? c.startAddress
                        : c.process.sectionBaseAddress + c.process.sectionObject.image.addressOfEntryPoint();
                thread.startRoutine = c.startRoutine;
                thread.startParameter = c.startParameter;
                return next();
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * Windows Internals 7th ed., part 1, chapter 3, stage 4: PspInsertThread starts the KTHREAD
     * (KeStartThread), lists the thread, creates the creator's handle, calls the process
     * callbacks for the process's first thread and the thread callbacks for every thread, and
     * readies the thread last (KeReadyThread); a created-suspended thread then waits.
     */
    static final Routine PspInsertThread = Executive.routine("nt!PspInsertThread").stage(4)
            // the KTHREAD takes its scheduling state from the process (ReactOS ke/thrdobj.c KeStartThread)
            .step("nt!KeStartThread", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.thread.tcb.basePriority = c.process.pcb.basePriority;
                c.thread.tcb.priority = c.process.pcb.basePriority;
                return next();
            })
            // into the process's thread list; the thread now holds its own running reference
            .inline((k, t, f) -> {
                CreationSupport.insertThread(creation(f));
                return next();
            })
            .step("nt!ObInsertObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLE)) {
                    return returnFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.threadHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, c.thread, AccessMask.THREAD_ALL_ACCESS, false);
                return next();
            })
            // the first thread of a process triggers the process-creation callbacks, which may deny it
            .inline((k, t, f) -> creation(f).process.activeThreads == 1 ? next() : jump("threadNotify"))
            .call(NotifyRoutines.PspCallProcessNotifyRoutines, (k, t, f) -> CreationSupport.callProcessNotifyRoutines(creation(f)))
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : returnFailure(creation(f), f.calleeStatus))
            .label("threadNotify")
            .call(NotifyRoutines.PspCallThreadNotifyRoutines, (k, t, f) -> CreationSupport.callThreadNotifyRoutines(creation(f)))
            // ready to run, but its suspend count of 1 parks it in a Suspended wait
            .step("nt!KeReadyThread", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.thread.tcb.state = KThreadState.Waiting;
                c.thread.tcb.waitReason = KWaitReason.Suspended;
                return next();
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /**
     * PspCreateThread as Windows 10 runs it for NtCreateThreadEx (Windows Internals 7th ed.,
     * part 1, chapter 4, "Thread creation"; WRK ps/create.c for the order): the target process
     * by handle with PROCESS_CREATE_THREAD, not one that is exiting; then the same
     * PspAllocateThread (which refuses the System process) and PspInsertThread as the first
     * thread of NtCreateUserProcess. The thread is created suspended (kernelbase asks so and resumes it
     * itself, ReactOS kernel32 client/thread.c CreateRemoteThread).
     */
    static final Routine PspCreateThread = Executive.routine("nt!PspCreateThread")
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = CreationSupport.referenceProcessToCreateThread(k, t, c);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                c.processHandle = 0;
                c.status = NtStatus.STATUS_SUCCESS;
                // ExAcquireRundownProtection (RundownProtect) fails once the process is exiting
                if (c.process.processExiting || c.process.exited) {
                    c.status = NtStatus.STATUS_PROCESS_IS_TERMINATING;
                    return jump("cleanup");
                }
                return next();
            })
            .call(PspAllocateThread)
            .orGoto("cleanup")
            .call(PspInsertThread)
            .orGoto("cleanup")
            // the handle and the thread's own running reference keep it now
            .step("nt!ObDereferenceObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.returnClientId(c.process.uniqueProcessId, c.thread.uniqueThread);
                releaseCreationReferences(k, c);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .label("cleanup")
            .step("nt!ObCloseHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.threadHandle != 0) {
                    ObjectManager.NtClose(k, t.process.objectTable, c.threadHandle);
                    c.threadHandle = 0;
                }
                if (c.thread != null) {
                    c.thread.creationFailed = true;
                    if (c.thread.holdsRunReference) {
                        Termination.abandonUnstartedThread(k, c.thread);
                    }
                }
                releaseCreationReferences(k, c);
                return ret(c.status);
            })
            .build();

    private static void releaseCreationReferences(Executive k, PspCreateParameters c) {
        CreationSupport.releaseThread(k, c);
        CreationSupport.releaseProcess(k, c);
    }

    /** NtCreateThreadEx(ProcessHandle, StartRoutine, CreateFlags): the system service over PspCreateThread. */
    public static final Routine NtCreateThreadEx = Executive.routine("nt!NtCreateThreadEx")
            .tailCall(PspCreateThread)
            .build();

    public static final Routine NtResumeThread = ntResumeThread(6);

    /** The same service tagged for the classic pipeline, where resuming starts phase 5. */
    public static final Routine NtResumeThreadClassic = ntResumeThread(5);

    private static Routine ntResumeThread(int stage) {
        return Executive.routine("nt!NtResumeThread").stage(stage)
            .inline(ThreadCreation::referenceThreadToSuspendOrResume)
            .step("nt!KeResumeThread", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EThread target = (EThread) a.referenced;
                a.out = KeResumeThread(k, target);
                a.referenced = null;
                ObjectManager.ObDereferenceObject(k, target);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
    }

    /** ObReferenceObjectByHandle(ThreadHandle, THREAD_SUSPEND_RESUME): the reference is dropped by the next step. */
    private static StepResult referenceThreadToSuspendOrResume(Executive k, EThread t, Frame f) {
        NtArgs a = f.args(NtArgs.class);
        ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Thread, AccessMask.THREAD_SUSPEND_RESUME);
        if (!ref.ok()) {
            return ret(ref.status());
        }
        a.referenced = ref.object();
        return next();
    }

    public static final Routine NtSuspendThread = Executive.routine("nt!NtSuspendThread")
            .inline(ThreadCreation::referenceThreadToSuspendOrResume)
            .step("nt!KeSuspendThread", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EThread target = (EThread) a.referenced;
                a.referenced = null;
                long status = NtStatus.STATUS_SUCCESS;
                if (target.terminated() || target.process.processExiting) {
                    status = NtStatus.STATUS_THREAD_IS_TERMINATING;
                } else {
                    a.out = target.tcb.suspendCount;
                    target.tcb.suspendCount++;
                    if (target.tcb.state == KThreadState.Ready || target.tcb.state == KThreadState.Running) {
                        k.scheduler.waitOn(target, null, KWaitReason.Suspended);
                    }
                }
                ObjectManager.ObDereferenceObject(k, target);
                return ret(status);
            })
            .build();

    /** Drops the suspend count by one; at zero a suspended wait ends. Returns the previous count. */
    public static long KeResumeThread(Executive k, EThread target) {
        long previous = target.tcb.suspendCount;
        if (previous > 0) {
            target.tcb.suspendCount--;
            if (target.tcb.suspendCount == 0 && target.tcb.state == KThreadState.Waiting
                    && target.tcb.waitReason == KWaitReason.Suspended && target.tcb.waitObject == null) {
                k.scheduler.ready(target);
            }
        }
        return previous;
    }
}
