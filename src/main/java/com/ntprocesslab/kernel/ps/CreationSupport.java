package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.NtStatus;
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
}
