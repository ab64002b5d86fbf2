package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.ke.KProcess;
import com.ntprocesslab.kernel.ke.ListEntry;
import com.ntprocesslab.kernel.mm.AddressSpace;
import com.ntprocesslab.kernel.mm.Peb;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleTable;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.se.Token;
import java.util.function.Consumer;

/** EPROCESS: the executive process object. Field names follow the NT structure. */
public final class EProcess extends KernelObject {
    public final KProcess pcb = new KProcess();
    public long uniqueProcessId;
    public long inheritedFromUniqueProcessId;
    public String imageFileName;
    /** Full NT path of the image, for the snapshot and !process. */
    public String imagePathName;
    /** SeAuditProcessCreationInfo.ImageFileName: the image's path on its device (\Device\HarddiskVolume1\...), null until mapped. */
    public String seAuditImageFileName;
    /** -1 for processes outside any session (System, Idle, smss). */
    public int sessionId = -1;
    public final ListEntry<EProcess> activeProcessLinks = new ListEntry<>(this);
    public final ListEntry<EThread> threadListHead = ListEntry.head();
    public int activeThreads;
    public long exitStatus = NtStatus.STATUS_PENDING;
    public long createTime;
    public long exitTime;
    public HandleTable objectTable;
    public Token token;
    public SectionObject sectionObject;
    public long sectionBaseAddress;
    public AddressSpace addressSpace;
    public Peb peb;
    public String priorityClass = "NORMAL";
    /** The quota block charged for the process: inherited from the parent (PspInheritQuota). */
    public String quotaBlock;
    /** The DOS device map (drive letters): inherited from the parent (ObInheritDeviceMap). */
    public String deviceMap;
    /** SetErrorMode's state: inherited, then set by the creator (NtSetInformationProcess). */
    public long defaultHardErrorProcessing = 1;
    /** DebugPort: the debug object a debugger attached (or the parent's, copied by DbgkCopyProcessDebugPort). */
    public KernelObject debugPort;
    /** ExceptionPort: the LPC port the subsystem gets exceptions on (XP: csrss's ApiPort, set by NtSetInformationProcess). */
    public long exceptionPort;
    /** GrantedAccess: what the creator may do to it, from SeAccessCheck at the end of PspCreateProcess (XP only). */
    public long grantedAccess;
    /** Flags.NoDebugInherit: its children do not get its debug port (DEBUG_ONLY_THIS_PROCESS). */
    public boolean noDebugInherit;
    public boolean processExiting;
    /** Set once rundown finished; the object may linger while handles remain. */
    public boolean exited;
    /** Guest programs without a user-mode image (System, Idle) have no PEB. */
    public boolean systemProcess;
    /**
     * Set once the process is known beyond its creator: the Windows subsystem registered it
     * (CsrInsertProcess) or its first thread started. A process deleted before that was a
     * failed creation, and its IDs are given back unused so the rollback leaves no trace.
     */
    public boolean announced;
    /** Its first thread has reported the image and ntdll to the load-image routines (DbgkCreateThread). */
    public boolean imagesReported;

    /**
     * _EPROCESS.Flags DefaultIoPriority (IO_PRIORITY_HINT: 0 very low, 1 low, 2 normal, 3 high)
     * and Flags2 DefaultPagePriority (0..7, 5 MEMORY_PRIORITY_NORMAL): a child starts with its
     * parent's, the process without a parent with normal (PspAllocateProcess).
     */
    public int defaultIoPriority = PerfOptions.IO_PRIORITY_NORMAL;
    public int defaultPagePriority = PerfOptions.MEMORY_PRIORITY_NORMAL;
    /**
     * Flags2.PrimaryTokenFrozen (Windows 10): set when the first thread starts running
     * (PspUserThreadStartup, Windows Internals 7th ed., part 1, ch. 3, stage 7), so the primary
     * token can no longer be swapped at run time.
     */
    public boolean primaryTokenFrozen;
    /** Flags3.Minimal: made by PsCreateMinimalProcess, without image, PEB or ntdll (Registry, Memory Compression). */
    public boolean minimal;

    public EProcess() {
        super(ObjectType.Process);
    }

    @Override
    protected void deleteProcedure(Executive kernel) {
        ProcessDeletion.runProcessDelete(kernel, this);
    }

    @Override
    public com.ntprocesslab.kernel.exec.Routine deleteRoutine() {
        return ProcessDeletion.PspProcessDelete;
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (token != null) {
            sink.accept(token);
        }
        if (sectionObject != null) {
            sink.accept(sectionObject);
        }
        if (debugPort != null) {
            sink.accept(debugPort);
        }
    }

    public boolean alive() {
        return !exited && !deleted;
    }

    @Override
    public String describe() {
        return "process " + imageFileName + " (PID " + uniqueProcessId + ")";
    }
}
