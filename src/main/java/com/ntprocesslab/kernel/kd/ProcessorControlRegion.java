package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * XP's processor control region of processor 0, the KPCR that fs points to in kernel mode, at
 * its fixed x86 address 0xFFDFF000 (KIP0PCRADDRESS). The fields the machine models, at the
 * offsets of ntdiff/headers WinXP_SP3 x86 _KPCR/_KPRCB: SelfPcr +0x1c, Prcb +0x20, Irql +0x24,
 * PrcbData at +0x120 with CurrentThread +0x4 (fs:124h, how seed 003's PspCreateProcess finds
 * the current thread and its PreviousMode), NextThread +0x8 and DpcRoutineActive +0x874
 * (fs:994h, the check in KeAttachProcess). Every other dword reads as unmodelled.
 */
final class ProcessorControlRegion {
    static final long BASE = 0xffdff000L;
    private static final long SIZE = 0x1000;
    private static final long SELF_PCR = 0x1c;
    private static final long PRCB = 0x20;
    private static final long IRQL = 0x24;
    private static final long PRCB_DATA = 0x120;
    private static final long CURRENT_THREAD = PRCB_DATA + 0x4;
    private static final long NEXT_THREAD = PRCB_DATA + 0x8;
    private static final long DPC_ROUTINE_ACTIVE = PRCB_DATA + 0x874;

    private ProcessorControlRegion() {
    }

    static boolean holds(Kernel k, long address) {
        return k.platform.x86 && address >= BASE && address < BASE + SIZE;
    }

    /** The value of {@code width} (4 or 8) bytes at an address inside the KPCR, or null when any dword is unmodelled. */
    static Long read(Kernel k, long address, int width) {
        return Dwords.read(address, width, a -> dword(k, a));
    }

    private static Long dword(Kernel k, long address) {
        long offset = address - BASE;
        // the thread on the processor: a .call's thread while it runs, else the dispatched one (what k and !thread show)
        EThread running = Execution.nextThread(k);
        if (offset == SELF_PCR) {
            return BASE;
        }
        if (offset == PRCB) {
            return BASE + PRCB_DATA;
        }
        if (offset == IRQL) {
            // Irql is a UCHAR; the three bytes after it are padding before IRR at +0x28
            return running == null ? 0L : (long) running.tcb.irql;
        }
        if (offset == CURRENT_THREAD) {
            return running == null ? 0L : running.address;
        }
        if (offset == NEXT_THREAD || offset == DPC_ROUTINE_ACTIVE) {
            // the machine selects the next thread when it switches and runs no DPCs
            return 0L;
        }
        return null;
    }
}
