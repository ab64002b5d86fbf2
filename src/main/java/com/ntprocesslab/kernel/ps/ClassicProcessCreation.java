package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;
import static com.ntprocesslab.kernel.ps.CreationSteps.exitFailure;
import static com.ntprocesslab.kernel.ps.CreationSteps.nextOrExit;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.io.DosDevices;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.SectionViews;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.AllocationKind;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ob.DebugObject;
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
    /**
     * XP SP3 accepts only the first three flags (seed 003: anything beyond bits 0-2 is
     * STATUS_INVALID_PARAMETER); OVERRIDE_ADDRESS_SPACE and LARGE_PAGES came with Server 2003 / Vista.
     */
    public static final long PROCESS_CREATE_FLAGS_LEGAL_MASK = 0x7;
    /** SECTION_MAP_EXECUTE: what PspCreateProcess needs of the section handle. */
    public static final long SECTION_MAP_EXECUTE = 0x8;
    private static final int NORMAL_BASE_PRIORITY = 8;
    /**
     * What a process may always do to itself whatever SeAccessCheck says (WRK PspCreateProcess):
     * VM operation/read/write, query information, terminate, create thread, duplicate handle,
     * create process, set information, STANDARD_RIGHTS_ALL, set quota.
     */
    static final long PROCESS_SELF_ACCESS = 0x0008 | 0x0010 | 0x0020 | 0x0400 | 0x0001 | 0x0002 | 0x0040 | 0x0080 | 0x0200 | 0x001F0000 | 0x0100;

    private ClassicProcessCreation() {
    }

    /** MmInitializeProcessAddressSpace maps the image while attached to the new process. */
    /**
     * KiAttachProcess (seed 003's SP3 listing, WRK ke/procobj.c): at DISPATCH_LEVEL the thread's
     * ApcState moves to SavedApcState (KiMoveApcState), ApcState.Process becomes the target and
     * KiSwapProcess loads its page directory; KiUnlockDispatcherDatabase drops back to the
     * caller's PASSIVE_LEVEL.
     */
    static final Routine KiAttachProcess = Executive.routine("nt!KiAttachProcess").stage(2)
            .step("nt!KiMoveApcState", (k, t, f) -> {
                t.tcb.saveApcState(t.process.pcb);
                return next();
            })
            .step("nt!KiSwapProcess", (k, t, f) -> {
                t.tcb.apcStateProcess = creation(f).process.pcb;
                return next();
            })
            .step("nt!KiUnlockDispatcherDatabase", (k, t, f) -> {
                t.tcb.irql = KThread.PASSIVE_LEVEL;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * KeAttachProcess (seed 003): nothing to do when the thread is in the target already;
     * otherwise KeRaiseIrqlToDpcLevel and KiAttachProcess. (The bug checks for an attach
     * while attached or inside a DPC cannot happen on this machine.)
     */
    static final Routine KeAttachProcess = Executive.routine("nt!KeAttachProcess").stage(2)
            .inline((k, t, f) -> t.process == creation(f).process ? ret(NtStatus.STATUS_SUCCESS) : next())
            .step("nt!KeRaiseIrqlToDpcLevel", (k, t, f) -> {
                t.tcb.irql = KThread.DISPATCH_LEVEL;
                return next();
            })
            .call(KiAttachProcess)
            .returnCalleeStatus()
            .build();

    static final Routine MmInitializeProcessAddressSpace = Executive.routine("nt!MmInitializeProcessAddressSpace").stage(2)
            // the creator's thread switches to the new process's page directory
            .call(KeAttachProcess)
            .call(SectionViews.MmMapViewOfSection, (k, t, f) -> {
                EProcess p = creation(f).process;
                return StepResult.call(SectionViews.MmMapViewOfSection, SectionViews.ViewRequest.ofImage(p,
                        p.sectionObject.fileObject.file.path(), p.sectionObject.image, true));
            })
            .inline((k, t, f) -> {
                EProcess p = creation(f).process;
                if (!NtStatus.success(f.calleeStatus)) {
                    t.tcb.restoreApcState(); // detached on the way out, as KeDetachProcess below would
                    return ret(f.calleeStatus);
                }
                // EPROCESS.ImageFileName: the first 15 characters of the section's file name
                VolumeFile file = p.sectionObject.fileObject.file;
                p.imageFileName = file.name().length() > 14 ? file.name().substring(0, 14) : file.name();
                p.imagePathName = p.sectionObject.fileObject.name;
                // SeInitializeProcessAuditName (SP3's fourth argument, AuditName): the file's device path
                p.seAuditImageFileName = DosDevices.devicePath(p.sectionObject.fileObject.name);
                return next();
            })
            .step("nt!KeDetachProcess", (k, t, f) -> {
                t.tcb.restoreApcState();
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    static final Routine PspInitializeProcessSecurity = Executive.routine("nt!PspInitializeProcessSecurity").stage(2)
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

    /**
     * MmCreatePeb (XP SP3, seed 003): attached to the new process, the NLS tables are mapped
     * into it and the PEB is made (MiCreatePebOrTeb, 0x210 bytes) and filled in (image base,
     * OS version, BeingDebugged when a debug port is set), then the thread detaches.
     */
    static final Routine MmCreatePeb = Executive.routine("nt!MmCreatePeb").stage(2)
            .call(KeAttachProcess)
            // the code-page and case tables (InitNlsSectionPointer), one shared view at the top of user space
            .call(SectionViews.MmMapViewOfSection, (k, t, f) ->
                    StepResult.call(SectionViews.MmMapViewOfSection, SectionViews.ViewRequest.ofNlsTables(creation(f).process)))
            .step("nt!MiCreatePebOrTeb", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                long status = MemoryManager.MmCreatePeb(k, c.process);
                if (!NtStatus.success(status)) {
                    t.tcb.restoreApcState(); // KeDetachProcess on the way out
                    return ret(status);
                }
                c.process.peb.beingDebugged = c.process.debugPort != null;
                return next();
            })
            .step("nt!KeDetachProcess", (k, t, f) -> {
                t.tcb.restoreApcState();
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .build();

    /**
     * PspMapSystemDll (WRK ps/psinit.c; seed 003 step 8): ntdll's section, mapped into the new
     * process as an image by MmMapViewOfSection (MiMapViewOfImageSection underneath).
     */
    static final Routine PspMapSystemDll = Executive.routine("nt!PspMapSystemDll").stage(2)
            .inline((k, t, f) -> k.volume.find(CreationSupport.NTDLL) != null ? next() : ret(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND))
            .call(SectionViews.MmMapViewOfSection, (k, t, f) -> {
                VolumeFile ntdll = k.volume.find(CreationSupport.NTDLL);
                return StepResult.call(SectionViews.MmMapViewOfSection, SectionViews.ViewRequest.ofImage(creation(f).process,
                        ntdll.path(), ntdll.image(), false));
            })
            .returnCalleeStatus()
            .build();

    /**
     * PspCreateProcess in XP SP3's order (seed 003's disassembly; WRK ps/create.c, seed 004,
     * where SP3 shows nothing): the parent and job level, the object (0x260 bytes), quota and
     * device map, the section, the debug port, the token, the address space, the handle table,
     * the image mapped while attached, ntdll, the session set in the token (SP3; WRK does it in
     * PspInitializeProcessSecurity) before the process ID, the PEB, the active process list,
     * the caller's handle, then the tail: base priority, the process's own granted access and
     * its create time.
     */
    static final Routine PspCreateProcess = Executive.routine("nt!PspCreateProcess").stage(2)
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
            // a job member level needs a parent in a job (WRK); this machine has no jobs, so any level is refused
            .inline((k, t, f) -> creation(f).jobMemberLevel != 0 ? exitFailure(creation(f), NtStatus.STATUS_INVALID_PARAMETER) : next())
            .step("nt!ObCreateObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.PROCESS)) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                EProcess p = ObjectManager.ObCreateObject(k, new EProcess(), null);
                p.sessionId = c.sessionOverride != null ? c.sessionOverride
                        : c.parent == k.systemProcess ? -1 : Math.max(c.parent.sessionId, 0);
                p.noDebugInherit = (c.createFlags & PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT) != 0;
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
                return creation(f).debugPortHandle != 0 ? next() : jump("copyDebugPort");
            })
            // a debugger's object (DEBUG_PROCESS_ASSIGN): the new process reports to it
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.debugPortHandle, ObjectType.DebugObject, DebugObject.DEBUG_PROCESS_ASSIGN);
                if (!ref.ok()) {
                    return exitFailure(c, ref.status());
                }
                c.process.debugPort = ref.object();
                return jump("security");
            })
            .label("copyDebugPort")
            // no port given: a debugged parent's port is inherited unless it was created with NoDebugInherit
            .step("nt!DbgkCopyProcessDebugPort", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.parent.debugPort != null && !c.parent.noDebugInherit) {
                    c.process.debugPort = c.parent.debugPort;
                    ObjectManager.ObReferenceObject(c.process.debugPort);
                }
                return next();
            })
            .label("security")
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
            // the handle table, with the parent's inheritable handles when asked
            .step("nt!ObInitProcess", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (k.failAllocation(AllocationKind.HANDLETABLE)) {
                    return exitFailure(c, NtStatus.STATUS_INSUFFICIENT_RESOURCES);
                }
                HandleTable table = k.newHandleTable();
                c.process.objectTable = table;
                if ((c.createFlags & PROCESS_CREATE_FLAGS_INHERIT_HANDLES) != 0 && c.parent.objectTable != null) {
                    // ExDupHandleTable: the same values, access and attributes (WRK ob/obinit.c ObInitProcess)
                    ObjectManager.ExDupHandleTable(k, c.parent.objectTable, table);
                }
                return next();
            })
            .call(MmInitializeProcessAddressSpace)
            // the image must be mapped: a failure (no room at the image base) ends the creation here
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : exitFailure(creation(f), f.calleeStatus))
            .call(PspMapSystemDll)
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : exitFailure(creation(f), f.calleeStatus))
            // SP3 (seed 003): the token learns the process's session before the process gets its ID
            .step("nt!MmGetSessionId", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.sessionOfProcess = Math.max(c.process.sessionId, 0);
                return next();
            })
            .step("nt!SeSetSessionIdToken", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.process.token.sessionId = c.sessionOfProcess;
                return next();
            })
            // the process ID: a handle in PspCidTable
            .step("nt!ExCreateHandle", (k, t, f) -> nextOrExit(creation(f), CreationSupport.createProcessId(k, creation(f).process)))
            // the handle table is now owned by that ID (HANDLE_TABLE.UniqueProcessId)
            .step("nt!ExSetHandleTableOwner", (k, t, f) -> {
                EProcess p = creation(f).process;
                p.objectTable.uniqueProcessId = p.uniqueProcessId;
                return next();
            })
            .call(MmCreatePeb)
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : exitFailure(creation(f), f.calleeStatus))
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
            // the base priority of the class the process has now (PspPriorityTable: IDLE 4, NORMAL 8 ...)
            .step("nt!PspComputeQuantumAndPriority", (k, t, f) -> {
                EProcess p = creation(f).process;
                p.pcb.basePriority = PriorityClass.valueOf(p.priorityClass).basePriority;
                return next();
            })
            // the process's own access to itself (EPROCESS.GrantedAccess): its token against its security descriptor
            // a child of System gets PROCESS_ALL_ACCESS without a check (WRK)
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.parent != k.systemProcess) {
                    return next();
                }
                c.process.grantedAccess = AccessMask.PROCESS_ALL_ACCESS_XP;
                return jump("createTime");
            })
            // MAXIMUM_ALLOWED against the process's own security: the owner's full access when the check passes; a process may always act on itself
            .with(SelfAccessCheck.steps(AccessMask.PROCESS_ALL_ACCESS_XP, PROCESS_SELF_ACCESS, (c, granted) -> c.process.grantedAccess = granted))
            .label("createTime")
            .step("nt!KeQuerySystemTime", (k, t, f) -> {
                creation(f).process.createTime = k.clock();
                return next();
            })
            // WRK ps/create.c (seed 004): the new PEB in the creator's NtTib.ArbitraryUserPointer, then *ProcessHandle
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.process.peb != null && t.teb != null) {
                    t.teb.arbitraryUserPointer = c.process.peb.address;
                }
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

    /**
     * NtCreateProcess (WRK, seed 004): the older service, which Windows 2000's kernel32 and
     * XP's RtlCreateUserProcess call: its BOOLEAN InheritObjectTable becomes
     * PROCESS_CREATE_FLAGS_INHERIT_HANDLES and the rest passes to NtCreateProcessEx with job
     * level 0.
     */
    public static final Routine NtCreateProcess = Executive.routine("nt!NtCreateProcess").stage(2)
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.createFlags = c.inheritObjectTable ? PROCESS_CREATE_FLAGS_INHERIT_HANDLES : 0;
                c.jobMemberLevel = 0;
                return next();
            })
            .tailCall(NtCreateProcessEx)
            .build();
}
