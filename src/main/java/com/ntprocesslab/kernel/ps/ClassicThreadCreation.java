package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;
import static com.ntprocesslab.kernel.ps.CreationSteps.exitFailure;
import static com.ntprocesslab.kernel.ps.CreationSteps.nextOrExit;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
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

    public static final Routine PspCreateThread = Executive.routine("nt!PspCreateThread").stage(3)
            // the target process, which must grant PROCESS_CREATE_THREAD
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.processHandle, ObjectType.Process, AccessMask.PROCESS_CREATE_THREAD);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                c.process = (EProcess) ref.object();
                c.status = NtStatus.STATUS_SUCCESS;
                return next();
            })
            .step("nt!ObCreateObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.THREAD)) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                EThread thread = ObjectManager.ObCreateObject(k, new EThread(), null);
                thread.process = c.process;
                ObjectManager.ObReferenceObject(c.process);
                c.thread = thread;
                return next();
            })
            // the thread ID, from the same number space as process IDs
            .step("nt!ExCreateHandle", (k, t, f) -> nextOrExit(creation(f), CreationSupport.createThreadId(k, creation(f).thread)))
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
            // KTHREAD: the kernel context starts in KiThreadStartup; user mode where the caller's CONTEXT says
            .step("nt!KeInitThread", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EThread thread = c.thread;
                thread.tcb.basePriority = c.process.pcb.basePriority;
                thread.tcb.priority = c.process.pcb.basePriority;
                thread.tcb.state = KThreadState.Initialized;
                thread.tcb.initialized = true;
                thread.initialRoutine = ClassicThreadStartup.KiThreadStartup;
                thread.startAddress = c.contextStartAddress;
                thread.win32StartAddress = c.contextEntryPoint;
                thread.createTime = k.clock();
                return next();
            })
            // KeStartThread: into the process's thread list; the thread holds its own running reference
            .step("nt!KeStartThread", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.process.threadListHead.insertTail(c.thread.threadListEntry);
                c.process.activeThreads++;
                c.thread.holdsRunReference = true;
                ObjectManager.ObReferenceObject(c.thread);
                return next();
            })
            // the first thread of a process is when the process-creation callbacks run
            .inline((k, t, f) -> creation(f).process.activeThreads == 1 ? next() : jump("threadNotify"))
            .call(NotifyRoutines.PspCallProcessNotifyRoutines, (k, t, f) -> {
                PspCreateParameters c = creation(f);
                return StepResult.call(NotifyRoutines.PspCallProcessNotifyRoutines,
                        NotifyRoutines.processCreated(c.process, c.thread, c.commandLine));
            })
            .label("threadNotify")
            .call(NotifyRoutines.PspCallThreadNotifyRoutines, (k, t, f) -> StepResult.call(NotifyRoutines.PspCallThreadNotifyRoutines,
                    NotifyRoutines.threadCreated(creation(f).thread)))
            .inline((k, t, f) -> creation(f).createSuspended ? next() : jump("insert"))
            .step("nt!KeSuspendThread", (k, t, f) -> {
                creation(f).thread.tcb.suspendCount++;
                return next();
            })
            .label("insert")
            .step("nt!ObInsertObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLE)) {
                    // already listed: it terminates without ever running
                    Termination.abandonUnstartedThread(k, c.thread);
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.threadHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, c.thread,
                        c.desiredAccess & AccessMask.THREAD_ALL_ACCESS_XP, false);
                c.returnClientId(c.process.uniqueProcessId, c.thread.uniqueThread);
                return next();
            })
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
