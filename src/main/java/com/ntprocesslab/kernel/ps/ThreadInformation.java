package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * NtQueryInformationThread(ThreadBasicInformation) and NtSetInformationThread(ThreadBasePriority),
 * the two classes GetExitCodeThread, GetThreadPriority and SetThreadPriority use (WRK
 * ps/psquery.c; ReactOS ntoskrnl/ps/query.c). The base priority is an increment over the
 * process's base (KeQueryBasePriorityThread / KeSetBasePriorityThread, WRK ke/thredobj.c).
 */
public final class ThreadInformation {
    private ThreadInformation() {
    }

    /** THREAD_BASE_PRIORITY_MAX/MIN (winnt.h): the increments a thread may take. */
    public static final int THREAD_BASE_PRIORITY_MAX = 2;
    public static final int THREAD_BASE_PRIORITY_MIN = -2;
    /** (HIGH_PRIORITY + 1) / 2 = THREAD_BASE_PRIORITY_LOWRT + 1: the saturating increment kernel32 passes for TIME_CRITICAL (and its negative for IDLE). */
    public static final int SATURATION_INCREMENT = 16;
    static final int LOW_REALTIME_PRIORITY = 16;

    /** THREADINFOCLASS values (ntpsapi.h). */
    public static final long ThreadBasicInformation = 0;
    public static final long ThreadBasePriority = 3;

    /** Query needs THREAD_QUERY_LIMITED_INFORMATION from Vista on, THREAD_QUERY_INFORMATION on XP. */
    private static long queryAccess(Profile profile) {
        return profile == Profile.CLASSIC ? AccessMask.THREAD_QUERY_INFORMATION : AccessMask.THREAD_QUERY_LIMITED_INFORMATION;
    }

    private static long setAccess(Profile profile) {
        return profile == Profile.CLASSIC ? AccessMask.THREAD_SET_INFORMATION : AccessMask.THREAD_SET_LIMITED_INFORMATION;
    }

    /**
     * ThreadBasicInformation: ExitStatus (STATUS_PENDING, which kernel32 reports as
     * STILL_ACTIVE, while the thread runs) into {@code out} and the BasePriority increment into
     * {@code information}.
     */
    public static final Routine NtQueryInformationThread = Executive.routine("nt!NtQueryInformationThread")
            .inline((k, t, f) -> reference(k, t, f, queryAccess(k.profile)))
            .step("nt!KeQueryBasePriorityThread", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EThread target = (EThread) a.referenced;
                a.referenced = null;
                a.out = target.exitStatus;
                a.information = KeQueryBasePriorityThread(target);
                ObjectManager.ObDereferenceObject(k, target);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** ThreadBasePriority: an increment in [-2, 2] or the saturating +-16; anything else is STATUS_INVALID_PARAMETER. */
    public static final Routine NtSetInformationThread = Executive.routine("nt!NtSetInformationThread")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                long increment = a.information;
                if ((increment > THREAD_BASE_PRIORITY_MAX || increment < THREAD_BASE_PRIORITY_MIN)
                        && Math.abs(increment) != SATURATION_INCREMENT) {
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                }
                return reference(k, t, f, setAccess(k.profile));
            })
            .step("nt!KeSetBasePriorityThread", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EThread target = (EThread) a.referenced;
                a.referenced = null;
                a.out = KeSetBasePriorityThread(target, (int) a.information);
                ObjectManager.ObDereferenceObject(k, target);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    private static StepResult reference(Executive k, EThread t, Frame f, long access) {
        NtArgs a = f.args(NtArgs.class);
        ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Thread, access);
        if (!ref.ok()) {
            return ret(ref.status());
        }
        a.referenced = ref.object();
        return next();
    }

    /** The thread's base priority as an increment over its process's; a saturated one reads +-16. */
    public static int KeQueryBasePriorityThread(EThread thread) {
        if (thread.tcb.saturation != 0) {
            return SATURATION_INCREMENT * thread.tcb.saturation;
        }
        return thread.tcb.basePriority - thread.process.pcb.basePriority;
    }

    /**
     * KeSetBasePriorityThread: the process's base plus the increment, kept inside the
     * variable (1..15) or the real-time (16..31) range; +-16 saturates to the range's top or
     * bottom. The current priority follows the base (no boost is modelled). Returns the old increment.
     */
    static int KeSetBasePriorityThread(EThread thread, int increment) {
        int old = KeQueryBasePriorityThread(thread);
        int processBase = thread.process.pcb.basePriority;
        thread.tcb.saturation = Math.abs(increment) >= SATURATION_INCREMENT ? Integer.signum(increment) : 0;
        int base = processBase + increment;
        boolean realtime = processBase >= LOW_REALTIME_PRIORITY;
        int low = realtime ? LOW_REALTIME_PRIORITY : 1;
        int high = realtime ? 31 : LOW_REALTIME_PRIORITY - 1;
        base = Math.max(low, Math.min(high, base));
        if (thread.tcb.saturation != 0) {
            base = thread.tcb.saturation > 0 ? high : low;
        }
        thread.tcb.basePriority = base;
        thread.tcb.priority = base;
        return old;
    }
}
