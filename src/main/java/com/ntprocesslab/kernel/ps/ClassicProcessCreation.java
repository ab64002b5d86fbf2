package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;
import static com.ntprocesslab.kernel.ps.CreationSteps.exitFailure;
import static com.ntprocesslab.kernel.ps.CreationSteps.nextOrExit;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.se.Token;

/**
 * Windows XP / WRK process creation, phase 2: NtCreateProcessEx -> PspCreateProcess
 * (WRK ps/create.c). One straight pipeline that builds the process object from a section
 * handle the caller opened; every failure jumps to one exit path that drops the creation
 * reference, and the Process type's delete procedure undoes whatever was built, in reverse.
 */
public final class ClassicProcessCreation {
    public static final long PROCESS_CREATE_FLAGS_BREAKAWAY = 0x1;
    public static final long PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT = 0x2;
    public static final long PROCESS_CREATE_FLAGS_INHERIT_HANDLES = 0x4;
    public static final long PROCESS_CREATE_FLAGS_OVERRIDE_ADDRESS_SPACE = 0x8;
    public static final long PROCESS_CREATE_FLAGS_LARGE_PAGES = 0x10;
    public static final long PROCESS_CREATE_FLAGS_LEGAL_MASK = 0x1f;
    /** SECTION_MAP_EXECUTE: what PspCreateProcess needs of the section handle. */
    public static final long SECTION_MAP_EXECUTE = 0x8;
    private static final int NORMAL_BASE_PRIORITY = 8;

    private ClassicProcessCreation() {
    }

    /** MmInitializeProcessAddressSpace maps the image while attached to the new process. */
    public static final Routine MmInitializeProcessAddressSpace = Executive.routine("nt!MmInitializeProcessAddressSpace").stage(2)
            // the creator's thread switches to the new process's page directory
            .step("nt!KeAttachProcess", (k, t, f) -> {
                t.tcb.apcStateProcess = creation(f).process.pcb;
                return next();
            })
            .step("nt!MmMapViewOfSection", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                EProcess p = c.process;
                long status = MemoryManager.MmInitializeProcessAddressSpace(k, p, p.sectionObject);
                if (!NtStatus.success(status)) {
                    t.tcb.apcStateProcess = null; // detached on the way out, as KeDetachProcess below would
                    return ret(status);
                }
                // EPROCESS.ImageFileName: the first 15 characters of the section's file name
                VolumeFile file = p.sectionObject.fileObject.file;
                p.imageFileName = file.name().length() > 14 ? file.name().substring(0, 14) : file.name();
                p.imagePathName = p.sectionObject.fileObject.name;
                return next();
            })
            .step("nt!KeDetachProcess", (k, t, f) -> {
                t.tcb.apcStateProcess = null;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    public static final Routine PspInitializeProcessSecurity = Executive.routine("nt!PspInitializeProcessSecurity").stage(2)
            // the primary token: a copy of the parent's (or the CreateProcessAsUser token)
            .step("nt!SeSubProcessToken", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.TOKEN)) {
                    return ret(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                Token source = c.explicitToken != null ? c.explicitToken : c.parent.token;
                Token token = ObjectManager.ObCreateObject(k, new Token(), null);
                token.copyFrom(source);
                token.tokenId = token.address & 0xffffffL;
                token.sessionId = Math.max(c.process.sessionId, 0);
                c.process.token = token;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    public static final Routine PspCreateProcess = Executive.routine("nt!PspCreateProcess").stage(2)
            // reject create flags this kernel does not define
            .inline((k, t, f) -> (creation(f).createFlags & ~PROCESS_CREATE_FLAGS_LEGAL_MASK) != 0
                    ? ret(NtStatus.STATUS_INVALID_PARAMETER) : next())
            // the parent, which must grant PROCESS_CREATE_PROCESS
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.parentHandle, ObjectType.Process, AccessMask.PROCESS_CREATE_PROCESS);
                if (!ref.ok()) {
                    return ret(ref.status());
                }
                c.parent = (EProcess) ref.object();
                c.status = NtStatus.STATUS_SUCCESS;
                return next();
            })
            .step("nt!ObCreateObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.PROCESS)) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                EProcess p = ObjectManager.ObCreateObject(k, new EProcess(), null);
                p.sessionId = c.sessionOverride != null ? c.sessionOverride
                        : c.parent == k.systemProcess ? -1 : Math.max(c.parent.sessionId, 0);
                c.process = p;
                return next();
            })
            .step("nt!PspInheritQuota", (k, t, f) -> {
                creation(f).process.quotaBlock = creation(f).parent.quotaBlock;
                return next();
            })
            .step("nt!ObInheritDeviceMap", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.process.deviceMap = c.parent.deviceMap;
                c.process.defaultHardErrorProcessing = c.parent.defaultHardErrorProcessing;
                c.process.inheritedFromUniqueProcessId = c.parent.uniqueProcessId;
                return next();
            })
            // the image section the caller opened; the process keeps this reference
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.sectionHandle, ObjectType.Section, SECTION_MAP_EXECUTE);
                if (!ref.ok()) {
                    return exitFailure(c, ref.status());
                }
                c.process.sectionObject = (SectionObject) ref.object();
                return next();
            })
            .step("nt!MmCreateProcessAddressSpace", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.MmCreateProcessAddressSpace(k, c.process);
                return NtStatus.success(status) ? next() : exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
            })
            .step("nt!KeInitializeProcess", (k, t, f) -> {
                EProcess p = creation(f).process;
                p.pcb.directoryTableBase = p.addressSpace.directoryTableBase;
                p.pcb.basePriority = NORMAL_BASE_PRIORITY;
                p.pcb.initialized = true;
                return next();
            })
            .call(PspInitializeProcessSecurity)
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (!NtStatus.success(f.calleeStatus)) {
                    return exitFailure(c, f.calleeStatus);
                }
                // a child of an idle or below-normal parent keeps its class; NtSetInformationProcess may change it later
                String parentClass = c.parent.priorityClass;
                boolean low = PriorityClass.IDLE.name().equals(parentClass) || PriorityClass.BELOW_NORMAL.name().equals(parentClass);
                c.process.priorityClass = low ? parentClass : PriorityClass.NORMAL.name();
                return next();
            })
            // the handle table, with the parent's inheritable handles when asked
            .step("nt!ObInitProcess", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLETABLE)) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                HandleTable table = k.newHandleTable();
                c.process.objectTable = table;
                if ((c.createFlags & PROCESS_CREATE_FLAGS_INHERIT_HANDLES) != 0 && c.parent.objectTable != null) {
                    for (long handle : c.parent.objectTable.handles()) {
                        HandleEntry entry = c.parent.objectTable.lookup(handle);
                        if (entry.inherit()) {
                            ObjectManager.ObInsertObject(k, table, entry.object(), entry.grantedAccess(), true);
                        }
                    }
                }
                return next();
            })
            .call(MmInitializeProcessAddressSpace)
            // the image mapped (MmInitializeProcessAddressSpace's status), then ntdll
            .step("nt!PspMapSystemDll", (k, t, f) -> NtStatus.success(f.calleeStatus)
                    ? nextOrExit(creation(f), CreationSupport.PspMapSystemDll(k, creation(f).process)) : exitFailure(creation(f), f.calleeStatus))
            // the process ID: a handle in PspCidTable
            .step("nt!ExCreateHandle", (k, t, f) -> nextOrExit(creation(f), CreationSupport.createProcessId(k, creation(f).process)))
            .step("nt!MmCreatePeb", (k, t, f) -> nextOrExit(creation(f), MemoryManager.MmCreatePeb(k, creation(f).process)))
            // InsertTailList(&PsActiveProcessHead, &Process->ActiveProcessLinks): now !process lists it
            .inline((k, t, f) -> {
                k.psActiveProcessHead.insertTail(creation(f).process.activeProcessLinks);
                return next();
            })
            // the access the creator's handle will grant, checked against the new process's security
            .step("nt!SeCreateAccessStateEx", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.grantedAccess = c.desiredAccess & AccessMask.PROCESS_ALL_ACCESS_XP;
                return next();
            })
            .step("nt!ObInsertObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLE)) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                c.processHandle = ObjectManager.ObInsertObject(k, t.process.objectTable, c.process, c.grantedAccess, false);
                return next();
            })
            .step("nt!KeQuerySystemTime", (k, t, f) -> {
                creation(f).process.createTime = k.clock();
                return next();
            })
            .label("exit")
            // exit_and_deref: the creation reference goes; on failure it was the last one
            .step("nt!ObDereferenceObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.process != null) {
                    EProcess p = c.process;
                    c.process = null;
                    ObjectManager.ObDereferenceObject(k, p);
                }
                EProcess parent = c.parent;
                c.parent = null;
                ObjectManager.ObDereferenceObject(k, parent);
                return ret(c.status);
            })
            .build();

    public static final Routine NtCreateProcessEx = Executive.routine("nt!NtCreateProcessEx").stage(2)
            // a process always has a parent here: only the boot-time System process has none
            .inline((k, t, f) -> creation(f).parentHandle == 0 ? ret(NtStatus.STATUS_INVALID_PARAMETER) : next())
            .tailCall(PspCreateProcess)
            .build();
}
