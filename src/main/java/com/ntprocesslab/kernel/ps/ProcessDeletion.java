package com.ntprocesslab.kernel.ps;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.Pool;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectDeletion;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.se.Token;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Delete procedures of the Process and Thread types (WRK ps/psdelete.c), run when the last
 * reference goes. When a thread's NtClose drops it they run as routines of their own, step by
 * step on that thread (ObfDereferenceObject → ObpRemoveObjectRoutine → the type's
 * DeleteProcedure); any other last dereference, and the rollback of a failed creation, runs
 * the same parts in the same order at once.
 */
public final class ProcessDeletion {
    private ProcessDeletion() {
    }

    /** One part of a delete procedure: the function it enters (null: the routine's own code) and its work. */
    private record Part<O>(String symbol, BiConsumer<Executive, O> work) {
    }

    /*
     * PspProcessDelete in WRK's order: RemoveEntryList(ActiveProcessLinks) under the process
     * list lock; ObDereferenceObject of DebugPort, ExceptionPort and SectionObject; ObKillProcess
     * when an ObjectTable is left (a process whose rundown never ran); MmDeleteProcessAddressSpace;
     * ExDestroyHandle(PspCidTable, UniqueProcessId); PspDeleteProcessSecurity (the primary token).
     * Not modelled: the job, KeTerminateProcess (no KPROCESS wait state left to release), the LDT
     * and VDM objects, the device map and quota blocks.
     */
    private static final List<Part<EProcess>> PROCESS_PARTS = List.of(
            new Part<>(null, ProcessDeletion::removeFromActiveProcessList),
            new Part<>("nt!ObfDereferenceObject", ProcessDeletion::dereferencePortsAndSection),
            new Part<>(null, ProcessDeletion::killLeftOverHandleTable),
            new Part<>("nt!MmDeleteProcessAddressSpace", MemoryManager::MmDeleteProcessAddressSpace),
            new Part<>("nt!ExDestroyHandle", (k, p) -> destroyCid(k, p, p.uniqueProcessId, !p.announced)),
            new Part<>("nt!PspDeleteProcessSecurity", ProcessDeletion::deleteProcessSecurity));

    /*
     * PspThreadDelete in WRK's order: ExDestroyHandle(PspCidTable, UniqueThread), then
     * RemoveEntryList(ThreadListEntry) under the process lock, then ObDereferenceObject(Process),
     * which may be the process's last reference. The TEB and user stack normally went in
     * PspExitThread (MmDeleteTeb); only a creation that failed before its thread ran leaves them.
     */
    private static final List<Part<EThread>> THREAD_PARTS = List.of(
            new Part<>("nt!ExDestroyHandle", (k, t) -> {
                // a thread of a process nobody was told of (it was terminated before it reported itself) gives its ID back too
                destroyCid(k, t, t.uniqueThread, t.creationFailed || t.process != null && !t.process.announced);
            }),
            new Part<>(null, ProcessDeletion::removeFromThreadList));

    static final Routine PspProcessDelete = steps(Executive.routine("nt!PspProcessDelete"), PROCESS_PARTS, EProcess.class)
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static final Routine PspThreadDelete = steps(Executive.routine("nt!PspThreadDelete"), THREAD_PARTS, EThread.class)
            .inline((k, t, f) -> {
                EThread thread = ObjectDeletion.deleting(f, EThread.class);
                if (thread.process == null) {
                    return ret(NtStatus.STATUS_SUCCESS);
                }
                // the thread's reference on its process moves to the call: the dereference may be the process's last
                NtArgs args = new NtArgs();
                args.referenced = thread.process;
                thread.process = null;
                return StepResult.call(ObjectDeletion.ObfDereferenceObject, args);
            })
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    static void runProcessDelete(Executive k, EProcess p) {
        PROCESS_PARTS.forEach(part -> part.work().accept(k, p));
    }

    static void runThreadDelete(Executive k, EThread t) {
        THREAD_PARTS.forEach(part -> part.work().accept(k, t));
        if (t.process != null) {
            EProcess process = t.process;
            t.process = null;
            ObjectManager.ObDereferenceObject(k, process);
        }
    }

    private static <O extends KernelObject> Routine.Builder<Executive, EThread> steps(
            Routine.Builder<Executive, EThread> routine, List<Part<O>> parts, Class<O> type) {
        for (Part<O> part : parts) {
            routine.step(part.symbol(), (k, t, f) -> {
                part.work().accept(k, ObjectDeletion.deleting(f, type));
                return next();
            });
        }
        return routine;
    }

    private static void removeFromActiveProcessList(Executive k, EProcess p) {
        if (p.activeProcessLinks.linked()) {
            p.activeProcessLinks.remove();
        }
    }

    private static void dereferencePortsAndSection(Executive k, EProcess p) {
        if (p.debugPort != null) {
            KernelObject debugPort = p.debugPort;
            p.debugPort = null;
            ObjectManager.ObDereferenceObject(k, debugPort);
        }
        if (p.sectionObject != null) {
            SectionObject section = p.sectionObject;
            p.sectionObject = null;
            ObjectManager.ObDereferenceObject(k, section);
        }
    }

    private static void killLeftOverHandleTable(Executive k, EProcess p) {
        if (p.objectTable != null) {
            ObjectManager.ExSweepHandleTable(k, p.objectTable);
            k.pools.free(Pool.HANDLE_TABLE, p.objectTable.address);
            p.objectTable = null;
        }
    }

    private static void deleteProcessSecurity(Executive k, EProcess p) {
        if (p.token != null) {
            Token token = p.token;
            p.token = null;
            ObjectManager.ObDereferenceObject(k, token);
        }
    }

    private static void removeFromThreadList(Executive k, EThread t) {
        if (t.threadListEntry.linked()) {
            t.threadListEntry.remove();
        }
        if (t.process != null && t.process.addressSpace != null && (t.teb != null || t.stackLimit != 0)) {
            MemoryManager.MmDeleteTeb(k, t);
        }
        k.scheduler.remove(t);
    }

    /** A failed creation's ID is given back unused (the rollback restores the free list); any other goes to its tail. */
    private static void destroyCid(Executive k, KernelObject owner, long cid, boolean creationFailed) {
        if (cid == 0 || k.pspCidTable.lookup(cid) != owner) {
            return;
        }
        if (creationFailed) {
            k.pspCidTable.returnUnused(cid);
        } else {
            k.pspCidTable.ExDestroyHandle(cid);
        }
    }
}
