package com.ntprocesslab.kernel.ob;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.se.AccessCheck;
import com.ntprocesslab.kernel.se.Privilege;

/**
 * Handle services beyond open and close: NtDuplicateObject (ReactOS ntoskrnl/ob/obhandle.c
 * ObDuplicateObject, WRK ob/obhandle.c) and the handle-attribute pair NtQueryObject /
 * NtSetInformationObject for ObjectHandleFlagInformation (OBJECT_HANDLE_FLAG_INFORMATION:
 * Inherit, ProtectFromClose), what Get/SetHandleInformation call.
 */
public final class HandleServices {
    /** OBJECT_INFORMATION_CLASS ObjectHandleFlagInformation. */
    public static final long OBJECT_HANDLE_FLAG_INFORMATION = 4;

    private HandleServices() {
    }

    /** NtDuplicateObject: both process handles need PROCESS_DUP_HANDLE (Microsoft Learn, DuplicateHandle). */
    public static final Routine NtDuplicateObject = Executive.routine("nt!NtDuplicateObject")
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                DuplicateArgs a = f.args(DuplicateArgs.class);
                ObRef source = ObjectManager.ObReferenceObjectByHandle(k, t, a.sourceProcessHandle, ObjectType.Process, AccessMask.PROCESS_DUP_HANDLE);
                if (!source.ok()) {
                    return ret(source.status());
                }
                a.sourceProcess = source.object();
                if (a.targetProcessHandle != 0) {
                    ObRef target = ObjectManager.ObReferenceObjectByHandle(k, t, a.targetProcessHandle, ObjectType.Process, AccessMask.PROCESS_DUP_HANDLE);
                    if (!target.ok()) {
                        // the source handle is still closed when asked (NtDuplicateObject calls ObDuplicateObject with no target)
                        if ((a.options & ObjectManager.DUPLICATE_CLOSE_SOURCE) != 0) {
                            ObjectManager.NtClose(k, ((EProcess) a.sourceProcess).objectTable, a.sourceHandle);
                        }
                        release(k, a);
                        return ret(target.status());
                    }
                    a.targetProcess = target.object();
                }
                return next();
            })
            .step("nt!ObDuplicateObject", (k, t, f) -> {
                DuplicateArgs a = f.args(DuplicateArgs.class);
                long status = duplicate(k, t, a);
                release(k, a);
                return ret(status);
            })
            .build();

    private static long duplicate(Executive k, EThread t, DuplicateArgs a) {
        EProcess sourceProcess = (EProcess) a.sourceProcess;
        boolean closeSource = (a.options & ObjectManager.DUPLICATE_CLOSE_SOURCE) != 0;
        // ObpReferenceProcessObjectByHandle: NtCurrentProcess() means the source process itself
        KernelObject object;
        long sourceAccess;
        boolean sourceInherit = false;
        if (a.sourceHandle == ObjectManager.CURRENT_PROCESS) {
            object = sourceProcess;
            sourceAccess = k.profile == Profile.CLASSIC ? AccessMask.PROCESS_ALL_ACCESS_XP : AccessMask.PROCESS_ALL_ACCESS;
        } else if (a.sourceHandle == ObjectManager.CURRENT_THREAD && sourceProcess == t.process) {
            object = t;
            sourceAccess = k.profile == Profile.CLASSIC ? AccessMask.THREAD_ALL_ACCESS_XP : AccessMask.THREAD_ALL_ACCESS;
        } else {
            HandleEntry entry = sourceProcess.objectTable == null ? null : sourceProcess.objectTable.lookup(a.sourceHandle);
            if (entry == null) {
                return NtStatus.STATUS_INVALID_HANDLE;
            }
            object = entry.object();
            sourceAccess = entry.grantedAccess();
            sourceInherit = entry.inherit();
        }
        if (a.targetProcess == null) {
            // no target: only DUPLICATE_CLOSE_SOURCE makes sense
            if (!closeSource) {
                return NtStatus.STATUS_INVALID_PARAMETER;
            }
            ObjectManager.NtClose(k, sourceProcess.objectTable, a.sourceHandle);
            return NtStatus.STATUS_SUCCESS;
        }
        EProcess targetProcess = (EProcess) a.targetProcess;
        if (targetProcess.objectTable == null || targetProcess.processExiting) {
            if (closeSource) {
                ObjectManager.NtClose(k, sourceProcess.objectTable, a.sourceHandle);
            }
            return NtStatus.STATUS_PROCESS_IS_TERMINATING;
        }
        long access = (a.options & ObjectManager.DUPLICATE_SAME_ACCESS) != 0 ? sourceAccess
                : ValidAccess.target(object.type, k.profile,
                        object.type == ObjectType.Process ? AccessMask.mapProcessGeneric(a.desiredAccess, k.profile == Profile.CLASSIC) : a.desiredAccess);
        long status = NtStatus.STATUS_SUCCESS;
        long added = access & ~sourceAccess;
        // asking for more than the source handle grants takes an access check against the object;
        // SeAccessCheck grants ACCESS_SYSTEM_SECURITY to a holder of SeSecurityPrivilege only
        if ((added & AccessMask.ACCESS_SYSTEM_SECURITY) != 0 && !t.process.token.has(Privilege.SeSecurityPrivilege)) {
            status = NtStatus.STATUS_PRIVILEGE_NOT_HELD;
        } else if (added != 0 && object instanceof EProcess p && !AccessCheck.SeAccessCheck(t.process.token, p.token, access)) {
            status = NtStatus.STATUS_ACCESS_DENIED;
        } else if (k.failAllocation(AllocationKind.HANDLE)) {
            status = NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }
        // WRK ob/obhandle.c ObDuplicateObject closes the source (whether the duplication works or
        // not) before ExCreateHandle puts the copy in the target table, so within one process the
        // copy takes the slot just freed (Wine's test_DuplicateHandle: "f == out"); the reference
        // held meanwhile keeps the object alive
        ObjectManager.ObReferenceObject(object);
        if (closeSource && a.sourceHandle >= 0) {
            ObjectManager.NtClose(k, sourceProcess.objectTable, a.sourceHandle);
        }
        if (NtStatus.success(status)) {
            boolean inherit = (a.options & ObjectManager.DUPLICATE_SAME_ATTRIBUTES) != 0 ? sourceInherit : (a.attributes & ObServices.OBJ_INHERIT) != 0;
            a.targetHandle = ObjectManager.ObInsertObject(k, targetProcess.objectTable, object, access, inherit);
        }
        ObjectManager.ObDereferenceObject(k, object);
        return status;
    }

    private static void release(Executive k, DuplicateArgs a) {
        if (a.targetProcess != null) {
            KernelObject p = a.targetProcess;
            a.targetProcess = null;
            ObjectManager.ObDereferenceObject(k, p);
        }
        if (a.sourceProcess != null) {
            KernelObject p = a.sourceProcess;
            a.sourceProcess = null;
            ObjectManager.ObDereferenceObject(k, p);
        }
    }

    /**
     * NtQueryObject(ObjectHandleFlagInformation): {@code out} is the handle's flags as
     * GetHandleInformation returns them (HANDLE_FLAG_INHERIT 0x1). A pseudo handle is not in
     * the table: STATUS_INVALID_HANDLE.
     */
    public static final Routine NtQueryObject = Executive.routine("nt!NtQueryObject")
            .step("nt!ObpQueryHandleAttributes", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                HandleEntry entry = t.process.objectTable == null ? null : t.process.objectTable.lookup(a.handle);
                if (entry == null) {
                    return ret(NtStatus.STATUS_INVALID_HANDLE);
                }
                a.out = entry.inherit() ? 1 : 0;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /** NtSetInformationObject(ObjectHandleFlagInformation): {@code information} 1 makes the handle inheritable. */
    public static final Routine NtSetInformationObject = Executive.routine("nt!NtSetInformationObject")
            .step("nt!ObpSetHandleAttributes", (k, t, f) -> {
                NtArgs a = f.args(NtArgs.class);
                boolean set = t.process.objectTable != null && t.process.objectTable.setInherit(a.handle, (a.information & 1) != 0);
                return ret(set ? NtStatus.STATUS_SUCCESS : NtStatus.STATUS_INVALID_HANDLE);
            })
            .build();
}
