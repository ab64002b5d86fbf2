package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;
import static com.ntprocesslab.kernel.ps.CreationSteps.creation;

import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;

/**
 * Windows 10's other way to a process object: NtCreateProcessEx -> PspCreateProcess, and the
 * minimal processes of PsCreateMinimalProcess, both built by the PspAllocateProcess and
 * PspInsertProcess that NtCreateUserProcess uses (seed 001; the caller lists of ntoskrnl
 * 10.0's PspAllocateProcess and PspInsertProcess name NtCreateUserProcess, PspCreateProcess
 * and PsCreateMinimalProcess). A minimal process (Windows Internals 7th ed., part 1, ch. 3,
 * "Minimal and Pico processes") has no user-mode image, no PEB, no ntdll and no TEB for its
 * threads; its name is an arbitrary string. Windows XP has neither routine.
 */
public final class MinimalProcesses {
    /** PROCESS_CREATE_FLAGS_MINIMAL_PROCESS: NtCreateProcessEx only (phnt ntpsapi.h). */
    public static final long PROCESS_CREATE_FLAGS_MINIMAL_PROCESS = 0x800;
    /** The bits PspCreateProcess of ntoskrnl 10.0 rejects with STATUS_INVALID_PARAMETER (its first test, {@code a6 & 0xFFB14048}). */
    static final long PROCESS_CREATE_FLAGS_INVALID = 0xFFB14048L;
    /** PROCESS_CREATE_FLAGS_CLONE_MINIMAL and ..._REDUCED_COMMIT: each is refused without the one it builds on. */
    static final long PROCESS_CREATE_FLAGS_CLONE_MINIMAL = 0x2000;
    static final long PROCESS_CREATE_FLAGS_CLONE_MINIMAL_REDUCED_COMMIT = 0x4000;

    private MinimalProcesses() {
    }

    /**
     * What a kernel component passes PsCreateMinimalProcess: the process's name, System as
     * the parent (CmpInitializeRegistryProcess and SmFirstTimeInit both pass
     * PsInitialSystemProcess) and a kernel handle back (OBJ_KERNEL_HANDLE: System's table).
     */
    public static PspCreateParameters request(String name) {
        PspCreateParameters c = new PspCreateParameters();
        c.minimalName = name;
        c.kernelHandle = true;
        c.createFlags = PROCESS_CREATE_FLAGS_MINIMAL_PROCESS;
        c.desiredAccess = AccessMask.PROCESS_ALL_ACCESS;
        return c;
    }

    /**
     * PsCreateMinimalProcess (ntoskrnl 10.0, decompiled): the parent's primary token, the flags
     * with MINIMAL_PROCESS always set, PspAllocateProcess, PspSetMinimalProcessName,
     * PspInsertProcess (whose handle is the caller's), then the creation reference goes.
     */
    public static final Routine PsCreateMinimalProcess = Executive.routine("nt!PsCreateMinimalProcess").stage(3)
            .step("nt!PsReferencePrimaryToken", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.parent == null) {
                    c.parent = k.systemProcess;
                    ObjectManager.ObReferenceObject(c.parent);
                }
                c.createFlags |= PROCESS_CREATE_FLAGS_MINIMAL_PROCESS;
                c.status = NtStatus.STATUS_SUCCESS;
                return next();
            })
            .call(ProcessCreation.PspAllocateProcess)
            .orGoto("exit")
            // the name is the caller's string: no image file gives it one
            .step("nt!PspSetMinimalProcessName", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                String name = c.minimalName == null ? "" : c.minimalName;
                c.process.imageFileName = name.length() > 14 ? name.substring(0, 14) : name;
                c.process.imagePathName = name;
                c.process.minimal = true;
                c.process.systemProcess = true;
                return next();
            })
            .call(ProcessCreation.PspInsertProcess)
            .orGoto("exit")
            // the component keeps its pointer for the system's life (CmpRegistryProcess, the store's process):
            // the machine marks the object permanent instead of carrying that global
            .step("nt!ObDereferenceObject", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.process.permanent = true;
                c.process.announced = true;
                return returnCreated(k, c);
            })
            .stage(0)
            .label("exit")
            // a failure: the handle (if any) and the creation reference go, which deletes the half-built process
            .step("nt!PsTerminateProcess", (k, t, f) -> returnFailed(k, t, creation(f)))
            .build();

    /**
     * PspCreateProcess of Windows 10 (ntoskrnl 10.0, decompiled), as NtCreateProcessEx calls it:
     * undefined flags, CLONE_MINIMAL_REDUCED_COMMIT without CLONE_MINIMAL, CLONE_MINIMAL without
     * MINIMAL_PROCESS, and MINIMAL_PROCESS from user mode are STATUS_INVALID_PARAMETER; then
     * the section (SECTION_MAP_EXECUTE) and the parent (PROCESS_CREATE_PROCESS) by handle; a
     * kernel-mode minimal request goes to PsCreateMinimalProcess, anything else to
     * PspAllocateProcess and PspInsertProcess.
     */
    public static final Routine PspCreateProcess = Executive.routine("nt!PspCreateProcess").stage(2)
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                long flags = c.createFlags;
                boolean invalid = (flags & PROCESS_CREATE_FLAGS_INVALID) != 0
                        || (flags & PROCESS_CREATE_FLAGS_CLONE_MINIMAL_REDUCED_COMMIT) != 0 && (flags & PROCESS_CREATE_FLAGS_CLONE_MINIMAL) == 0
                        || (flags & PROCESS_CREATE_FLAGS_CLONE_MINIMAL) != 0 && (flags & PROCESS_CREATE_FLAGS_MINIMAL_PROCESS) == 0
                        // a minimal process: kernel mode only, no section, no debug port, and a parent
                        || (flags & PROCESS_CREATE_FLAGS_MINIMAL_PROCESS) != 0
                                && (!c.kernelHandle || c.sectionHandle != 0 || c.debugPortHandle != 0 || c.parentHandle == 0);
                c.status = invalid ? NtStatus.STATUS_INVALID_PARAMETER : NtStatus.STATUS_SUCCESS;
                return invalid ? ret(c.status) : next();
            })
            .step("nt!ObReferenceObjectByHandle", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.sectionHandle == 0) {
                    return next();
                }
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.sectionHandle, ObjectType.Section, ClassicProcessCreation.SECTION_MAP_EXECUTE);
                if (!ref.ok()) {
                    c.status = ref.status();
                    return ret(c.status);
                }
                c.section = (SectionObject) ref.object();
                return next();
            })
            .step("nt!ObpReferenceObjectByHandleWithTag", (k, t, f) -> {
                PspCreateParameters c = creation(f);
                ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.parentHandle, ObjectType.Process, AccessMask.PROCESS_CREATE_PROCESS);
                if (!ref.ok()) {
                    c.status = ref.status();
                    return jump("exit");
                }
                c.parent = (EProcess) ref.object();
                return (c.createFlags & PROCESS_CREATE_FLAGS_MINIMAL_PROCESS) != 0 ? next() : jump("allocate");
            })
            .call(PsCreateMinimalProcess)
            .inline((k, t, f) -> ret(f.calleeStatus))
            .label("allocate")
            // NtCreateProcessEx without a section clones the parent's address space, which the machine does not model
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                if (c.section == null) {
                    c.status = NtStatus.STATUS_INVALID_PARAMETER;
                    return jump("exit");
                }
                return next();
            })
            .call(ProcessCreation.PspAllocateProcess)
            .orGoto("exit")
            .call(ProcessCreation.PspInsertProcess)
            .orGoto("exit")
            .step("nt!ObfDereferenceObjectWithTag", (k, t, f) -> returnCreated(k, creation(f)))
            .stage(0)
            .label("exit")
            .step("nt!ObfDereferenceObject", (k, t, f) -> returnFailed(k, t, creation(f)))
            .build();

    /**
     * NtCreateProcessEx (Windows 10): the service passes its arguments to PspCreateProcess, but
     * only with a parent: without one it is STATUS_INVALID_PARAMETER before any handle is looked
     * at (WRK ps/create.c and ReactOS ntoskrnl/ps/process.c NtCreateProcessEx, seeds 002-004;
     * no Windows 10 source says the service changed).
     */
    public static final Routine NtCreateProcessEx = Executive.routine("nt!NtCreateProcessEx").stage(2)
            .inline((k, t, f) -> creation(f).parentHandle == 0 ? ret(NtStatus.STATUS_INVALID_PARAMETER) : next())
            .tailCall(PspCreateProcess)
            .build();

    /**
     * NtCreateProcess (Windows 10, seed 000's listing): the older service, kept for callers that
     * pass a BOOLEAN InheritObjectTable; it becomes PROCESS_CREATE_FLAGS_INHERIT_HANDLES and the
     * rest goes to NtCreateProcessEx with job level 0 (WRK ps/create.c NtCreateProcess, seed 004).
     * The low-bit tags on SectionHandle and DebugPort (BREAKAWAY, NO_DEBUG_INHERIT) are not
     * modelled: no caller here passes a tagged handle.
     */
    public static final Routine NtCreateProcess = Executive.routine("nt!NtCreateProcess").stage(2)
            .inline((k, t, f) -> {
                PspCreateParameters c = creation(f);
                c.createFlags = c.inheritObjectTable ? ClassicProcessCreation.PROCESS_CREATE_FLAGS_INHERIT_HANDLES : 0;
                c.jobMemberLevel = 0;
                return next();
            })
            .tailCall(NtCreateProcessEx)
            .build();

    /** The table the creator's process handle lives in: System's for a kernel handle. */
    static com.ntprocesslab.kernel.ob.HandleTable handleTable(Executive k, EThread t, PspCreateParameters c) {
        return c.kernelHandle ? k.systemProcess.objectTable : t.process.objectTable;
    }

    /** Success: the creator learns the new process's ID and drops its creation references. */
    private static StepResult returnCreated(Executive k, PspCreateParameters c) {
        c.createState = "PsCreateSuccess";
        c.returnClientId(c.process.uniqueProcessId, 0);
        release(k, c);
        return ret(NtStatus.STATUS_SUCCESS);
    }

    /** Failure: the handle (if any) and the creation references go, which deletes the half-built process. */
    private static StepResult returnFailed(Executive k, EThread t, PspCreateParameters c) {
        if (c.processHandle != 0) {
            ObjectManager.NtClose(k, handleTable(k, t, c), c.processHandle);
            c.processHandle = 0;
        }
        release(k, c);
        return ret(c.status);
    }

    /** The creation references: the new process, the section and the parent. */
    private static void release(Executive k, PspCreateParameters c) {
        CreationSupport.releaseProcess(k, c);
        CreationSupport.releaseSection(k, c);
        CreationSupport.releaseParent(k, c);
    }
}
