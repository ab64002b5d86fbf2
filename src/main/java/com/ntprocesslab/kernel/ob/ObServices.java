package com.ntprocesslab.kernel.ob;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.se.AccessCheck;
import com.ntprocesslab.kernel.se.Privilege;
import com.ntprocesslab.kernel.se.Token;

/** Native services over objects and handles: close, open, wait, query, events, tokens. */
public final class ObServices {
    private ObServices() {
    }

    /*
     * WRK ob/obclose.c: ObpCloseHandleTableEntry destroys the handle (ExDestroyHandle), drops
     * the handle count (ObpDecrementHandleCount), then the handle's pointer reference
     * (ObDereferenceObject). When that is the last reference of a process or thread, its
     * delete procedure runs on the closing thread: these routines make it steps.
     */
    static final Routine ObpCloseHandleTableEntry = Executive.routine("nt!ObpCloseHandleTableEntry")
            .step("nt!ExDestroyHandle", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                // the handle's pointer reference stays with the argument block until ObfDereferenceObject drops it
                a.referenced = ObjectManager.ObpCloseHandleTableEntry(t.process.objectTable, a.handle);
                return a.referenced == null ? ret(NtStatus.STATUS_INVALID_HANDLE) : next();
            })
            .call(ObjectDeletion.ObfDereferenceObject)
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine ObpCloseHandle = Executive.routine("nt!ObpCloseHandle")
            .tailCall(ObpCloseHandleTableEntry)
            .build();

    public static final Routine NtClose = Executive.routine("nt!NtClose")
            .step("nt!ObpCloseHandle", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (ObjectManager.closeDeletesInSteps(t.process.objectTable, a.handle)) {
                    return StepResult.call(ObpCloseHandle, a);
                }
                return ret(ObjectManager.NtClose(k, t.process.objectTable, a.handle));
            })
            .returnCalleeStatus()
            .build();

    /** NtOpenProcess(access, pid): the CID lookup, then SeAccessCheck against the target's token. */
    public static final Routine NtOpenProcess = Executive.routine("nt!NtOpenProcess")
            .step("nt!PsLookupProcessByProcessId", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                KernelObject object = a.value % 4 == 0 && a.value != 0 ? k.pspCidTable.lookup(a.value) : null;
                if (!(object instanceof EProcess process)) {
                    return ret(NtStatus.STATUS_INVALID_CID);
                }
                ObjectManager.ObReferenceObject(process);
                a.referenced = process;
                return next();
            })
            .step("nt!SeAccessCheck", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess process = (EProcess) a.referenced;
                // GENERIC_* rights become the Process type's specific rights first (RtlMapGenericMask)
                a.access = AccessMask.mapProcessGeneric(a.access, k.profile == com.ntprocesslab.kernel.Profile.CLASSIC);
                if (!AccessCheck.SeAccessCheck(t.process.token, process.token, a.access)) {
                    a.referenced = null;
                    ObjectManager.ObDereferenceObject(k, process);
                    return ret(NtStatus.STATUS_ACCESS_DENIED);
                }
                return next();
            })
            .step("nt!ObOpenObjectByPointer", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EProcess process = (EProcess) a.referenced;
                a.referenced = null;
                // PspProcessOpen adds the implied limited rights when ObInsertObject makes the handle
                return insertForCaller(k, t, a, process, a.access);
            })
            .build();

    /** PROCESSINFOCLASS ProcessPriorityClass (0x12): a PROCESS_PRIORITY_CLASS's PriorityClass byte. */
    public static final long PROCESS_PRIORITY_CLASS = 0x12;

    /** OBJ_INHERIT: the handle is copied into children created with bInheritHandles (winternl.h). */
    public static final long OBJ_INHERIT = 0x2;

    /**
     * NtWaitForSingleObject: returns at once when the object is signalled or the timeout is
     * zero; otherwise the thread waits and the step is retried when the object is signalled or,
     * for a timeout in milliseconds, when the virtual clock reaches the wait's deadline (the
     * timer KeWaitForSingleObject sets: STATUS_TIMEOUT then, as KiTimerExpiration would).
     * An alertable wait (user mode: the caller's PreviousMode) with a user APC queued ends with
     * STATUS_USER_APC and sets UserApcPending, after the signal test and before the timeout test,
     * as WRK ke/wait.c KeWaitForSingleObject's TestForAlertPending does; KiInsertQueueApc woke the
     * thread for it (the step is retried).
     */
    public static final Routine NtWaitForSingleObject = Executive.routine("nt!NtWaitForSingleObject")
            .step("nt!KeWaitForSingleObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, a.handle, null, AccessMask.SYNCHRONIZE);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                KernelObject object = ref.object();
                ObjectManager.ObDereferenceObject(k, object);
                if (!object.type.waitable()) {
                    return ret(NtStatus.STATUS_OBJECT_TYPE_MISMATCH);
                }
                if (object.signaled) {
                    k.scheduler.cancelTimer(t);
                    t.tcb.alertable = false;
                    return ret(NtStatus.STATUS_WAIT_0);
                }
                if (a.alertable && !t.systemThread && !t.tcb.userApcQueue.isEmpty()) {
                    k.scheduler.cancelTimer(t);
                    t.tcb.alertable = false;
                    t.tcb.userApcPending = true;
                    return ret(NtStatus.STATUS_USER_APC);
                }
                if (a.value == 0) {
                    return ret(NtStatus.STATUS_TIMEOUT);
                }
                if (a.value != 0xFFFFFFFFL) {
                    // the timeout is in milliseconds; the clock counts 100 ns units
                    if (t.tcb.waitDeadline == 0) {
                        k.scheduler.setTimer(t, k.clock() + a.value * 10_000L);
                    } else if (k.clock() >= t.tcb.waitDeadline) {
                        k.scheduler.cancelTimer(t);
                        t.tcb.alertable = false;
                        return ret(NtStatus.STATUS_TIMEOUT);
                    }
                }
                k.scheduler.waitOn(t, object, KWaitReason.UserRequest);
                t.tcb.alertable = a.alertable;
                return StepResult.BLOCK;
            })
            .build();

    public static final Routine NtQueryInformationProcess = Executive.routine("nt!NtQueryInformationProcess")
            .step("nt!PsGetProcessExitStatus", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                if (a.value == ObServices.PROCESS_PRIORITY_CLASS) {
                    return priorityClass(k, t, a);
                }
                ObRef ref = referenceProcessToQuery(k, t, a.handle);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                // PROCESS_BASIC_INFORMATION: ExitStatus, and PebBaseAddress (what XP's CreateProcessW asks it for)
                EProcess process = (EProcess) ref.object();
                a.out = process.exitStatus;
                a.information = process.peb == null ? 0 : process.peb.address;
                ObjectManager.ObDereferenceObject(k, ref.object());
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * NtQueryInformationProcess(ProcessPriorityClass), what GetPriorityClass asks: from Vista on a
     * PROCESS_QUERY_LIMITED_INFORMATION handle is enough (Microsoft Learn, GetPriorityClass);
     * Windows XP asks for PROCESS_QUERY_INFORMATION. {@code out} is PROCESS_PRIORITY_CLASS_*.
     */
    private static StepResult priorityClass(Executive k, EThread t, NtArgs a) {
        ObRef ref = referenceProcessToQuery(k, t, a.handle);
        if (!ref.ok()) {
            return ret(ref.status());
        }
        EProcess process = (EProcess) ref.object();
        a.out = com.ntprocesslab.kernel.ps.ProcessInformation.priorityClassCode(
                com.ntprocesslab.kernel.ke.PriorityClass.valueOf(process.priorityClass));
        ObjectManager.ObDereferenceObject(k, process);
        return ret(NtStatus.STATUS_SUCCESS);
    }

    /** Windows XP predates PROCESS_QUERY_LIMITED_INFORMATION: its kernel asks for PROCESS_QUERY_INFORMATION. */
    private static ObRef referenceProcessToQuery(Executive k, EThread t, long handle) {
        long access = k.profile == com.ntprocesslab.kernel.Profile.CLASSIC
                ? AccessMask.PROCESS_QUERY_INFORMATION : AccessMask.PROCESS_QUERY_LIMITED_INFORMATION;
        return ObjectManager.ObReferenceObjectByHandle(k, t, handle, ObjectType.Process, access);
    }

    public static final Routine NtCreateEvent = Executive.routine("nt!NtCreateEvent")
            .step("nt!ObCreateObject", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                EventObject event = ObjectManager.ObCreateObject(k, new EventObject(), null);
                return insertForCaller(k, t, a, event, AccessMask.EVENT_ALL_ACCESS);
            })
            .build();

    /** A logon token for an interactive user (what lsass hands winlogon). */
    public static final Routine NtCreateToken = Executive.routine("nt!NtCreateToken")
            .step("nt!SepCreateToken", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                Token token = ObjectManager.ObCreateObject(k, new Token(), null);
                token.user = "NTLAB\\" + a.user;
                token.integrityLevel = "Medium";
                token.tokenId = token.address & 0xffffffL;
                token.sessionId = Math.max(t.process.sessionId, 0);
                token.privileges.add(Privilege.SeChangeNotifyPrivilege);
                token.privileges.add(Privilege.SeShutdownPrivilege);
                token.privileges.add(Privilege.SeUndockPrivilege);
                return insertForCaller(k, t, a, token, AccessMask.TOKEN_ALL_ACCESS);
            })
            .build();

    /**
     * The end of an open or create: a handle in the caller's table (the handle now keeps the
     * object alive), then the reference the service held dropped, whether the handle was made or not.
     */
    private static StepResult insertForCaller(Executive k, EThread t, NtArgs a, KernelObject object, long access) {
        long status = NtStatus.STATUS_SUCCESS;
        if (k.failAllocation(AllocationKind.HANDLE)) {
            status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        } else {
            a.out = ObjectManager.ObInsertObject(k, t.process.objectTable, object, access, (a.attributes & OBJ_INHERIT) != 0);
        }
        ObjectManager.ObDereferenceObject(k, object);
        return ret(status);
    }
}
