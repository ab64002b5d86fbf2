package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * The KTRAP_FRAME XP's KiInitializeContextThread builds at the top of a new user thread's kernel
 * stack (ReactOS ke/i386/thrdini.c; offsets from ntdiff/headers WinXP_SP3 x86 _KTRAP_FRAME,
 * 0x8c bytes), as dd shows it: the user-mode selectors every return to ring 3 uses (SegCs
 * KGDT_R3_CODE|3 = 0x1b, SegDs/SegEs/HardwareSegSs KGDT_R3_DATA|3 = 0x23, SegFs KGDT_R3_TEB|3 =
 * 0x3b, SegGs 0) and, until the thread has left for user mode, the CONTEXT kernel32's
 * BaseInitializeContext gave it: Eip the start thunk, Eax the start address. Once the thread
 * has run, the frame holds whatever its last system call saved, which the machine does not model.
 */
final class TrapFrameView {
    static final long SIZE = 0x8c;
    private static final long R3_CODE = 0x1b;
    private static final long R3_DATA = 0x23;
    private static final long R3_TEB = 0x3b;

    private TrapFrameView() {
    }

    /** The thread whose trap frame holds {@code address}, or null. */
    static EThread owner(Kernel k, long address) {
        if (!k.platform.x86) {
            return null;
        }
        for (EThread t : k.threads()) {
            if (t.trapFrame != 0 && address >= t.trapFrame && address < t.trapFrame + SIZE) {
                return t;
            }
        }
        return null;
    }

    /** A modelled dword of {@code t}'s trap frame, or null. */
    static Long dword(EThread t, long address) {
        return switch ((int) (address - t.trapFrame)) {
            case 0x30 -> 0L;
            case 0x34, 0x38, 0x78 -> R3_DATA;
            case 0x50 -> R3_TEB;
            case 0x6c -> R3_CODE;
            case 0x44 -> reachedUserMode(t) ? null : t.win32StartAddress;
            case 0x68 -> reachedUserMode(t) ? null : t.startAddress;
            default -> null;
        };
    }

    /** Whether the thread has been in user mode: its start thunk's frame stays at the bottom of its stack from then on. */
    private static boolean reachedUserMode(EThread t) {
        for (Frame f : t.frames) {
            if (!f.routine.kernelMode()) {
                return true;
            }
        }
        return false;
    }
}
