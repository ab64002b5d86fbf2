package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * NtSuspendProcess / NtResumeProcess (WRK base/ntos/ps/psspnd.c): the process handle needs
 * PROCESS_SUSPEND_RESUME; PsSuspendProcess suspends every thread of the process that is not
 * terminating (each thread's SuspendCount rises by one), PsResumeProcess resumes each one.
 */
public final class ProcessSuspension {
    private ProcessSuspension() {
    }

    public static final Routine NtSuspendProcess = Executive.routine("nt!NtSuspendProcess")
            .inline(ProcessSuspension::reference)
            .step("nt!PsSuspendProcess", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess p = (EProcess) a.referenced;
                long status = NtStatus.STATUS_SUCCESS;
                if (p.processExiting) {
                    status = NtStatus.STATUS_PROCESS_IS_TERMINATING;
                } else {
                    for (EThread thread : p.threadListHead.owners()) {
                        if (!thread.terminated()) {
                            // KeSuspendThread: the count rises; a ready or running thread stops at once
                            thread.tcb.suspendCount++;
                            if (thread.tcb.state == KThreadState.Ready || thread.tcb.state == KThreadState.Running) {
                                k.scheduler.waitOn(thread, null, KWaitReason.Suspended);
                            }
                        }
                    }
                }
                return release(k, a, status);
            })
            .build();

    public static final Routine NtResumeProcess = Executive.routine("nt!NtResumeProcess")
            .inline(ProcessSuspension::reference)
            .step("nt!PsResumeProcess", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                for (EThread thread : ((EProcess) a.referenced).threadListHead.owners()) {
                    ThreadCreation.KeResumeThread(k, thread);
                }
                return release(k, a, NtStatus.STATUS_SUCCESS);
            })
            .build();

    private static StepResult reference(Executive k, EThread t, Frame f) {
        NtArgs a = f.args(NtArgs.class);
        ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Process, AccessMask.PROCESS_SUSPEND_RESUME);
        if (!ref.ok()) {
            return ret(ref.status());
        }
        a.referenced = ref.object();
        return next();
    }

    private static StepResult release(Executive k, NtArgs a, long status) {
        EProcess p = (EProcess) a.referenced;
        a.referenced = null;
        ObjectManager.ObDereferenceObject(k, p);
        return ret(status);
    }
}
