package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * NtSetInformationProcess for the classes Windows XP's CreateProcessW sets on a new process
 * (ReactOS ps/query.c, WRK ps/psquery.c): its priority class, which sets the base priority of
 * the process and its threads; its default hard-error mode (CREATE_DEFAULT_ERROR_MODE); and its
 * base priority (ProcessBasePriority, which kernel32 sets to NORMAL_BASE_PRIORITY for a
 * DETACHED_PROCESS so it is not created with a boosted priority).
 */
public final class ProcessInformation {
    public static final long ProcessBasePriority = 0x05;
    public static final long ProcessDefaultHardErrorMode = 0x0C;
    public static final long ProcessPriorityClass = 0x12;

    private ProcessInformation() {
    }

    /** PROCESS_PRIORITY_CLASS_* as ntdll passes it (1 idle ... 6 above normal). */
    public static long priorityClassCode(PriorityClass pc) {
        return switch (pc) {
            case IDLE -> 1;
            case NORMAL -> 2;
            case HIGH -> 3;
            case REALTIME -> 4;
            case BELOW_NORMAL -> 5;
            case ABOVE_NORMAL -> 6;
        };
    }

    static PriorityClass priorityClassOf(long code) {
        for (PriorityClass pc : PriorityClass.values()) {
            if (priorityClassCode(pc) == code) {
                return pc;
            }
        }
        return null;
    }

    public static final Routine NtSetInformationProcess = Executive.routine("nt!NtSetInformationProcess")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (a.value != ProcessPriorityClass && a.value != ProcessDefaultHardErrorMode && a.value != ProcessBasePriority) {
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                }
                if (a.value == ProcessPriorityClass && priorityClassOf(a.information) == null
                        || a.value == ProcessBasePriority && (a.information < 1 || a.information > 31)) {
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                }
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Process, AccessMask.PROCESS_SET_INFORMATION);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                a.referenced = ref.object();
                return a.value == ProcessPriorityClass ? next() : jump(a.value == ProcessBasePriority ? "basePriority" : "hardError");
            })
            // the class sets the base priority of the process and of every thread it has
            .step("nt!KeSetPriorityAndQuantumProcess", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess p = (EProcess) a.referenced;
                PriorityClass pc = priorityClassOf(a.information);
                p.priorityClass = pc.name();
                p.pcb.basePriority = pc.basePriority;
                for (EThread thread : p.threadListHead.owners()) {
                    thread.tcb.basePriority = pc.basePriority;
                    thread.tcb.priority = pc.basePriority;
                }
                return jump("done");
            })
            .label("basePriority")
            // KeSetPriorityProcess: the process's base priority, and each thread's by the same change
            .step("nt!KeSetPriorityProcess", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess p = (EProcess) a.referenced;
                int delta = (int) a.information - p.pcb.basePriority;
                p.pcb.basePriority = (int) a.information;
                for (EThread thread : p.threadListHead.owners()) {
                    thread.tcb.basePriority += delta;
                    thread.tcb.priority = Math.max(thread.tcb.priority + delta, thread.tcb.basePriority);
                }
                return jump("done");
            })
            .label("hardError")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                ((EProcess) a.referenced).defaultHardErrorProcessing = a.information;
                return next();
            })
            .label("done")
            .step("nt!ObDereferenceObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess p = (EProcess) a.referenced;
                a.referenced = null;
                ObjectManager.ObDereferenceObject(k, p);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    private static final long THREAD_SET_INFORMATION = 0x0020;

    /** THREADINFOCLASS ThreadQuerySetWin32StartAddress: the start address Win32 reports for the thread. */
    public static final long ThreadQuerySetWin32StartAddress = 9;

    /**
     * NtSetInformationThread (WRK ps/psquery.c), the one class the machine's callers use:
     * ThreadQuerySetWin32StartAddress, which XP's BaseProcessStart sets to the image entry
     * point before calling it (seed 003). The thread must grant THREAD_SET_INFORMATION.
     */
    public static final Routine NtSetInformationThread = Executive.routine("nt!NtSetInformationThread")
            .inline((k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (a.value != ThreadQuerySetWin32StartAddress) {
                    return ret(NtStatus.STATUS_INVALID_PARAMETER);
                }
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, ObjectType.Thread, THREAD_SET_INFORMATION);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                EThread target = (EThread) ref.object();
                target.win32StartAddress = a.information;
                ObjectManager.ObDereferenceObject(k, target);
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();
}
