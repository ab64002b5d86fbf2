package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.FileObject;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.DebugObject;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObRef;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.AllocationKind;

/**
 * Executive work the modern and the classic creation pipelines do the same way. Each
 * pipeline keeps its own step (its symbol and stage or phase) and its own failure path; the
 * work and the status it returns live here once.
 */
final class CreationSupport {

    static final String NTDLL = "C:\\Windows\\System32\\ntdll.dll";

    private CreationSupport() {
    }

    /** PspMapSystemDll: ntdll is mapped into every new process. */
    static long PspMapSystemDll(Executive k, EProcess process) {
        VolumeFile ntdll = k.volume.find(NTDLL);
        return ntdll == null ? NtStatus.STATUS_OBJECT_NAME_NOT_FOUND
                : MemoryManager.mapImage(process, ntdll.path(), ntdll.image());
    }

    /** ExCreateHandle in PspCidTable: the process ID (fails when `.fail cid` is armed). */
    static long createProcessId(Executive k, EProcess process) {
        if (k.failAllocation(AllocationKind.CID)) {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }
        process.uniqueProcessId = k.pspCidTable.ExCreateHandle(process);
        return NtStatus.STATUS_SUCCESS;
    }

    /** ExCreateHandle in PspCidTable: the thread ID, from the same number space as process IDs. */
    static long createThreadId(Executive k, EThread thread) {
        if (k.failAllocation(AllocationKind.CID)) {
            return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
        }
        thread.uniqueThread = k.pspCidTable.ExCreateHandle(thread);
        return NtStatus.STATUS_SUCCESS;
    }

    /**
     * The new process's DebugPort on the modern profile (PspInsertProcess calling
     * DbgkCopyProcessDebugPort with the debug object NtCreateUserProcess captured from the
     * PS_ATTRIBUTE_DEBUG_OBJECT attribute): the debugger's object, referenced with
     * DEBUG_PROCESS_ASSIGN as WRK's PspCreateProcess does, or else the creator's own port unless
     * the creator was created with NoDebugInherit. DEBUG_ONLY_THIS_PROCESS marks the new process
     * NoDebugInherit. The PEB already exists here, so its BeingDebugged is written now
     * (MmCreatePeb's "DebugPort != NULL").
     */
    static long assignDebugPort(Executive k, EThread t, PspCreateParameters c) {
        EProcess p = c.process;
        p.noDebugInherit = (c.createFlags & ClassicProcessCreation.PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT) != 0;
        if (c.debugPortHandle != 0) {
            ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.debugPortHandle, ObjectType.DebugObject, DebugObject.DEBUG_PROCESS_ASSIGN);
            if (!ref.ok()) {
                return ref.status();
            }
            p.debugPort = ref.object();
        } else {
            p.debugPort = t.process.debugPort;
            ObjectManager.ObReferenceObject(p.debugPort);
        }
        if (p.peb != null) {
            p.peb.beingDebugged = true;
        }
        return NtStatus.STATUS_SUCCESS;
    }
    /**
     * ObCreateObject for the new ETHREAD, which references its process; null when the
     * allocation fails (the caller returns STATUS_INSUFFICIENT_RESOURCES its own way).
     */
    static EThread createThreadObject(Executive k, PspCreateParameters c) {
        if (k.failAllocation(AllocationKind.THREAD)) {
            return null;
        }
        EThread thread = ObjectManager.ObCreateObject(k, new EThread(), null);
        thread.process = c.process;
        ObjectManager.ObReferenceObject(c.process);
        return thread;
    }

    /** Into the process's thread list; from now the thread holds its own running reference. */
    static void insertThread(PspCreateParameters c) {
        c.process.threadListHead.insertTail(c.thread.threadListEntry);
        c.process.activeThreads++;
        c.thread.holdsRunReference = true;
        ObjectManager.ObReferenceObject(c.thread);
    }

    /** The target process by handle, which must grant PROCESS_CREATE_THREAD; on success it is the creation's process. */
    static ObRef referenceProcessToCreateThread(Executive k, EThread t, PspCreateParameters c) {
        ObRef ref = ObjectManager.ObReferenceObjectByHandle(k, t, c.processHandle, ObjectType.Process, AccessMask.PROCESS_CREATE_THREAD);
        if (ref.ok()) {
            c.process = (EProcess) ref.object();
        }
        return ref;
    }

    /** PspCallProcessNotifyRoutines for the new process, with its first thread and command line. */
    static StepResult callProcessNotifyRoutines(PspCreateParameters c) {
        return StepResult.call(NotifyRoutines.PspCallProcessNotifyRoutines,
                NotifyRoutines.processCreated(c.process, c.thread, c.commandLine));
    }

    /** PspCallThreadNotifyRoutines for the new thread. */
    static StepResult callThreadNotifyRoutines(PspCreateParameters c) {
        return StepResult.call(NotifyRoutines.PspCallThreadNotifyRoutines, NotifyRoutines.threadCreated(c.thread));
    }

    // The creation references a failed or finished creation still holds. Each field is cleared
    // before its object is dereferenced: the last reference may delete the object, and its delete
    // routine must not find it still named by the parameters.
    static void releaseThread(Executive k, PspCreateParameters c) {
        EThread thread = c.thread;
        c.thread = null;
        dereference(k, thread);
    }

    static void releaseProcess(Executive k, PspCreateParameters c) {
        EProcess process = c.process;
        c.process = null;
        dereference(k, process);
    }

    static void releaseSection(Executive k, PspCreateParameters c) {
        SectionObject section = c.section;
        c.section = null;
        dereference(k, section);
    }

    static void releaseFile(Executive k, PspCreateParameters c) {
        FileObject file = c.file;
        c.file = null;
        dereference(k, file);
    }

    static void releaseParent(Executive k, PspCreateParameters c) {
        EProcess parent = c.parent;
        c.parent = null;
        dereference(k, parent);
    }

    private static void dereference(Executive k, KernelObject object) {
        if (object != null) {
            ObjectManager.ObDereferenceObject(k, object);
        }
    }
}
