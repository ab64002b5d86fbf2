package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.mm.Pool;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.se.Token;

/**
 * Delete procedures of the Process and Thread types, run when the last reference goes. They
 * also serve as the rollback of a failed creation: whatever part was built is released.
 */
public final class ProcessDeletion {
    private ProcessDeletion() {
    }

    static void PspProcessDelete(Executive k, EProcess p) {
        if (p.activeProcessLinks.linked()) {
            p.activeProcessLinks.remove();
        }
        if (p.uniqueProcessId != 0 && k.pspCidTable.lookup(p.uniqueProcessId) == p) {
            destroyCid(k, p.uniqueProcessId, !p.announced);
        }
        if (p.objectTable != null) {
            ObjectManager.ExSweepHandleTable(k, p.objectTable);
            k.pools.free(Pool.HANDLE_TABLE, p.objectTable.address);
            p.objectTable = null;
        }
        MemoryManager.MmDeleteProcessAddressSpace(k, p);
        if (p.token != null) {
            Token token = p.token;
            p.token = null;
            ObjectManager.ObDereferenceObject(k, token);
        }
        if (p.sectionObject != null) {
            SectionObject section = p.sectionObject;
            p.sectionObject = null;
            ObjectManager.ObDereferenceObject(k, section);
        }
        if (p.debugPort != null) {
            KernelObject debugPort = p.debugPort;
            p.debugPort = null;
            ObjectManager.ObDereferenceObject(k, debugPort);
        }
    }

    static void PspThreadDelete(Executive k, EThread t) {
        if (t.threadListEntry.linked()) {
            t.threadListEntry.remove();
        }
        if (t.process != null && t.process.addressSpace != null && (t.teb != null || t.stackLimit != 0)) {
            MemoryManager.MmDeleteTeb(k, t);
        }
        if (t.uniqueThread != 0 && k.pspCidTable.lookup(t.uniqueThread) == t) {
            // a thread of a process nobody was told of (it was terminated before it reported itself) gives its ID back too
            destroyCid(k, t.uniqueThread, t.creationFailed || t.process != null && !t.process.announced);
        }
        k.scheduler.remove(t);
        if (t.process != null) {
            EProcess process = t.process;
            t.process = null;
            ObjectManager.ObDereferenceObject(k, process);
        }
    }

    /** A failed creation's ID is given back unused (the rollback restores the free list); any other goes to its tail. */
    private static void destroyCid(Executive k, long cid, boolean creationFailed) {
        if (creationFailed) {
            k.pspCidTable.returnUnused(cid);
        } else {
            k.pspCidTable.ExDestroyHandle(cid);
        }
    }
}
