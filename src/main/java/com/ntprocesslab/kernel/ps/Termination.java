package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.Pool;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * Process and thread termination (ReactOS ps/kill.c): NtTerminateProcess ends every other
 * thread, the caller last; each thread leaves through PspExitThread; the last one runs the
 * process rundown. The process object outlives this while handles to it remain.
 */
public final class Termination {
    private Termination() {
    }

    public static final Routine PspExitProcess = Executive.routine("nt!PspExitProcess")
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
            // the Windows subsystem forgets the process and closes its handles to it
            .step("CSRSRV!CsrDestroyProcess", (k, t, f) -> {
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

    public static final Routine PspExitThread = Executive.routine("nt!PspExitThread")
            .inline((k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                EThread target = a.target;
                target.exitStatus = a.exitStatus;
                target.exitTime = k.clock();
                if (target != t) {
                    k.scheduler.remove(target);
                    target.frames.clear();
                }
                return next();
            })
            .step("nt!PspCallThreadNotifyRoutines", (k, t, f) -> next())
            // the last thread out runs the process rundown while it is still counted
            .inline((k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                return a.target.process.activeThreads == 1 ? StepResult.call(PspExitProcess, a) : next();
            })
            .step("nt!MmDeleteTeb", (k, t, f) -> {
                EThread target = f.args(ThreadExitArgs.class).target;
                if (target.teb != null || target.stackLimit != 0) {
                    MemoryManager.MmDeleteTeb(k, target);
                }
                return next();
            })
            .step("nt!KeTerminateThread", (k, t, f) -> {
                EThread target = f.args(ThreadExitArgs.class).target;
                terminate(k, target);
                return target == t ? StepResult.EXIT : ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    public static final Routine PspTerminateThreadByPointer = Executive.routine("nt!PspTerminateThreadByPointer")
            .inline((k, t, f) -> {
                ThreadExitArgs a = f.args(ThreadExitArgs.class);
                if (a.target.terminated()) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                return StepResult.call(PspExitThread, a);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

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

    /** NtTerminateThread on the calling thread (RtlExitUserThread when others remain). */
    public static final Routine NtTerminateThread = Executive.routine("nt!NtTerminateThread")
            .inline((k, t, f) -> StepResult.call(PspTerminateThreadByPointer, new ThreadExitArgs(t, f.args(NtArgs.class).value)))
            .build();

    private static long exitStatusOf(NtArgs a) {
        EProcess target = (EProcess) a.referenced;
        return target != null && target.processExiting && target.exitStatus != NtStatus.STATUS_PENDING ? target.exitStatus : a.value;
    }

    /** KeTerminateThread: Terminated, signalled, and the running reference dropped. */
    static void terminate(Executive k, EThread target) {
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
