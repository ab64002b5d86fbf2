package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.Pool;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * Process and thread termination (ReactOS ntoskrnl/ps/kill.c, WRK psdelete.c):
 * NtTerminateProcess queues the exit APC to every other thread of the process and, when the
 * process is the caller's own, exits the caller last; each thread leaves through
 * PspExitThread in its own context; the last one out runs the process rundown. The process
 * object outlives this while handles to it remain.
 */
public final class Termination {
    private Termination() {
    }

    /** The thread asked to end itself with a NULL handle, but it is its process's last (ntstatus.h 0xC00000DB). */
    public static final long STATUS_CANT_TERMINATE_SELF = 0xC00000DBL;

    static final Routine PspExitProcess = Executive.routine("nt!PspExitProcess")
            .step("nt!PspCallProcessNotifyRoutines", (k, t, f) -> next())
            // ObKillProcess: every handle the process holds is closed, then the table goes
            .step("nt!ExSweepHandleTable", (k, t, f) -> {
                EProcess p = f.args(ThreadExitArgs.class).target.process;
                if (p.objectTable != null) {
                    ObjectManager.ExSweepHandleTable(k, p.objectTable);
                    k.pools.free(Pool.HANDLE_TABLE, p.objectTable.address);
                    p.objectTable = null;
                }
                return next();
            })
            .step("nt!MmCleanProcessAddressSpace", (k, t, f) -> {
                EProcess p = f.args(ThreadExitArgs.class).target.process;
                for (EThread thread : p.threadListHead.owners()) {
                    thread.teb = null;
                    thread.stackBase = 0;
                    thread.stackLimit = 0;
                }
                MemoryManager.MmCleanProcessAddressSpace(k, p);
                return next();
            })
            // csrss hears of its clients' ends on its port (LPC_CLIENT_DIED); a csrss itself takes its session's server along
            .inline((k, t, f) -> {
                k.processExited(f.args(ThreadExitArgs.class).target.process);
                return next();
            })
            .inline((k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                EProcess p = a.target.process;
                if (p.exitStatus == NtStatus.STATUS_PENDING) {
                    p.exitStatus = a.exitStatus;
                }
                p.exitTime = k.clock();
                return next();
            })
            // the process object is signalled: waiters on it wake up
            .step("nt!KeSetProcess", (k, t, f) -> {
                EProcess p = f.args(ThreadExitArgs.class).target.process;
                p.exited = true;
                k.scheduler.signal(p, k.threads());
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * PspExitThread, always on the exiting thread itself (ReactOS ps/kill.c, WRK psdelete.c):
     * its APC queues are flushed, the thread callbacks run, the last thread out runs the
     * process rundown, then the TEB goes and KeTerminateThread never returns.
     */
    static final Routine PspExitThread = Executive.routine("nt!PspExitThread")
            .inline((k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                if (a.target != t) {
                    throw new IllegalStateException("PspExitThread runs on the exiting thread only, not on " + t.describe());
                }
                t.exitStatus = a.exitStatus;
                t.exitTime = k.clock();
                // KeFlushQueueApc: an exit APC another thread queued meanwhile is moot now
                t.tcb.kernelApcQueue.clear();
                t.tcb.userApcQueue.clear();
                return next();
            })
            .step("nt!PspCallThreadNotifyRoutines", (k, t, f) -> next())
            // LPC_CLIENT_DIED to the thread's termination port (csrss's API port for a Win32 thread), WRK psdelete.c
            .step("nt!LpcRequestPort", (k, t, f) -> {
                PortObject port = t.terminationPort;
                if (port != null) {
                    PortServices.queue(k, port, new PortMessage(PortMessage.LPC_CLIENT_DIED, null, t.process.uniqueProcessId, t.uniqueThread, null, null));
                    t.terminationPort = null;
                    ObjectManager.ObDereferenceObject(k, port);
                }
                return next();
            })
            // the last thread out runs the process rundown while it is still counted
            .inline((k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                return a.target.process.activeThreads == 1 ? StepResult.call(PspExitProcess, a) : next();
            })
            .step("nt!MmDeleteTeb", (k, t, f) -> {
                if (t.teb != null || t.stackLimit != 0) {
                    MemoryManager.MmDeleteTeb(k, t);
                }
                return next();
            })
            .step("nt!KeTerminateThread", (k, t, f) -> {
                terminate(k, t);
                return StepResult.EXIT;
            })
            .build();

    /**
     * The exit APC's kernel routine (ReactOS PsExitSpecialApc): it frees the APC and ends the
     * thread it was delivered to, in that thread's own context.
     */
    static final Routine PsExitSpecialApc = Executive.routine("nt!PsExitSpecialApc")
            .step("nt!PspExitApcRundown", (k, t, f) -> next())
            .call(PspExitThread)
            .build();

    /**
     * KiDeliverApc for the kernel-mode queue: the scheduler runs it on a thread with a queued
     * kernel APC as soon as that thread runs (a kernel APC interrupts its wait), on top of
     * whatever the thread was doing.
     */
    static final Routine KiDeliverApc = Executive.routine("nt!KiDeliverApc")
            .call(PsExitSpecialApc, (k, t, f) -> {
                Apc apc = t.tcb.kernelApcQueue.remove(0);
                return StepResult.call(PsExitSpecialApc, new ThreadExitArgs(t, apc.context()));
            })
            .build();

    /**
     * PspTerminateThreadByPointer(thread, status) as ReactOS ps/kill.c and WRK psdelete.c do
     * it: the calling thread exits directly (PspExitThread does not return); any other thread
     * gets the exit APC (PsExitSpecialApc, the status as its context) and is force-resumed,
     * so it exits in its own context when the scheduler runs it. The caller does not wait.
     */
    static final Routine PspTerminateThreadByPointer = Executive.routine("nt!PspTerminateThreadByPointer")
            .inline((k, t, f) -> f.args(ThreadExitArgs.class).target == t ? next() : jump("other"))
            .call(PspExitThread)
            .label("other")
            .inline((k, t, f) -> {
                EThread target = f.args(ThreadExitArgs.class).target;
                // already gone, or its exit APC is queued (the CrossThreadFlags bit is set once)
                return target.terminated() || target.terminationRequested ? ret(NtStatus.STATUS_SUCCESS) : next();
            })
            .step("nt!KeInsertQueueApc", (k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                a.target.terminationRequested = true;
                a.target.tcb.kernelApcQueue.add(new Apc(PsExitSpecialApc.symbol(), false, a.exitStatus));
                return next();
            })
            // a suspended or waiting victim must run to take the APC
            .step("nt!KeForceResumeThread", (k, t, f) -> {
                EThread target = f.args(ThreadExitArgs.class).target;
                target.tcb.suspendCount = 0;
                if (target.tcb.state == KThreadState.Waiting) {
                    k.scheduler.ready(target);
                }
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * Before a thread runs: a queued kernel APC is delivered first (KiDeliverApc on top of its
     * frames). The thread was switched out at a step boundary, so this is where its IRQL drops.
     */
    public static void deliverKernelApcs(EThread thread) {
        if (!thread.tcb.kernelApcQueue.isEmpty() && !thread.terminated()
                && (thread.top() == null || thread.top().routine != KiDeliverApc && thread.top().routine != PsExitSpecialApc)) {
            thread.frames.add(Frame.entered(KiDeliverApc, null));
        }
    }

    /**
     * NtTerminateProcess(handle, status). A zero handle means "every thread of my process but
     * me" (what RtlExitUserProcess asks first); the caller's own thread always goes last.
     */
    public static final Routine NtTerminateProcess = Executive.routine("nt!NtTerminateProcess")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess target;
                if (a.handle == 0) {
                    target = t.process;
                    ObjectManager.ObReferenceObject(target);
                } else {
                    ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Process, AccessMask.PROCESS_TERMINATE);
                    if (!ref.ok()) {
                        return ret(ref.status());
                    }
                    target = (EProcess) ref.object();
                    if (target.systemProcess) {
                        ObjectManager.ObDereferenceObject(k, target);
                        return ret(NtStatus.STATUS_ACCESS_DENIED);
                    }
                    if (target.exited || (target.processExiting && target != t.process)) {
                        ObjectManager.ObDereferenceObject(k, target);
                        return ret(NtStatus.STATUS_PROCESS_IS_TERMINATING);
                    }
                }
                a.referenced = target;
                if (a.handle != 0 && !target.processExiting) {
                    target.processExiting = true;
                    target.exitStatus = a.value;
                }
                for (EThread thread : target.threadListHead.owners()) {
                    if (thread != t && !thread.terminated()) {
                        a.targets.add(thread);
                    }
                }
                return next();
            })
            .label("loop")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (a.index < a.targets.size()) {
                    return StepResult.call(PspTerminateThreadByPointer, new ThreadExitArgs(a.targets.get(a.index), exitStatusOf(a)));
                }
                return jump("self");
            })
            .inline((k, t, f) -> {
                f.args(NtArgs.class).index++;
                return jump("loop");
            })
            .label("self")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess target = (EProcess) a.referenced;
                a.referenced = null;
                ObjectManager.ObDereferenceObject(k, target);
                if (a.handle != 0 && target == t.process) {
                    return StepResult.call(PspTerminateThreadByPointer, new ThreadExitArgs(t, exitStatusOf(a)));
                }
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * NtTerminateThread(handle, status) as WRK psdelete.c: a NULL handle is the calling thread
     * (RtlExitUserThread when others remain), refused with STATUS_CANT_TERMINATE_SELF when it
     * is the process's last; any other handle needs THREAD_TERMINATE. The caller exits at
     * once; another thread gets the exit APC and exits in its own context, while the caller
     * goes on without waiting (TerminateThread is asynchronous, MS docs).
     */
    public static final Routine NtTerminateThread = Executive.routine("nt!NtTerminateThread")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (a.handle == 0) {
                    return t.process.activeThreads == 1 ? ret(STATUS_CANT_TERMINATE_SELF)
                            : StepResult.call(PspTerminateThreadByPointer, new ThreadExitArgs(t, a.value));
                }
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Thread, AccessMask.THREAD_TERMINATE);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                EThread target = (EThread) ref.object();
                // the reference the handle gave is dropped again at once: the thread list keeps the target alive
                ObjectManager.ObDereferenceObject(k, target);
                if (target.terminated()) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return StepResult.call(PspTerminateThreadByPointer, new ThreadExitArgs(target, a.value));
            })
            .inline((k, t, f) -> ret(NtStatus.success(f.calleeStatus) ? NtStatus.STATUS_SUCCESS : f.calleeStatus))
            .build();


    private static long exitStatusOf(NtArgs a) {
        EProcess target = (EProcess) a.referenced;
        return target != null && target.processExiting && target.exitStatus != NtStatus.STATUS_PENDING ? target.exitStatus : a.value;
    }

    /** KeTerminateThread: Terminated, signalled, and the running reference dropped. */
    static void terminate(Executive k, EThread target) {
        PortServices.abandonConnections(k, target);
        target.process.activeThreads--;
        target.tcb.state = KThreadState.Terminated;
        target.tcb.waitObject = null;
        target.tcb.waitReason = null;
        k.scheduler.remove(target);
        k.scheduler.signal(target, k.threads());
        if (target.holdsRunReference) {
            target.holdsRunReference = false;
            ObjectManager.ObDereferenceObject(k, target);
        }
    }

    /** A creation that failed after PspInsertThread: the never-started thread is torn down. */
    static void abandonUnstartedThread(Executive k, EThread thread) {
        thread.creationFailed = true;
        MemoryManager.MmDeleteTeb(k, thread);
        terminate(k, thread);
    }
}
