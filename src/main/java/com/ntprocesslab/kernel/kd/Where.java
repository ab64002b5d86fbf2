package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.exec.Location;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EThread;

/** Where a thread stands, printed as WinDbg prints the next instruction after a stop. */
final class Where {
    private Where() {
    }

    /** The code address of a location: a function's entry, or the routine's return site before step pc. */
    /** The thread a location stands on: the engine knows it as an execution thread, the debugger as an ETHREAD. */
    static EThread thread(Location at) {
        return (EThread) at.thread();
    }

    static long address(Kernel k, Location at) {
        if (at.symbol() != null) {
            return k.symbolAddress(at.symbol());
        }
        long base = k.symbolAddress(at.routine());
        return at.frame().pc == 0 ? base : base + at.frame().routine.returnOffset(at.frame().pc - 1);
    }

    static String is(Kernel k, EThread thread) {
        return is(k, thread, null);
    }

    /** As {@link #is(Kernel, EThread)}, naming the function {@code entered} when a breakpoint on a routine's entry stopped there. */
    static String is(Kernel k, EThread thread, String entered) {
        if (thread == null) {
            return "Every thread is waiting; nothing is about to run.";
        }
        Location at = k.engine.location(thread);
        String who = "thread 0x" + Long.toHexString(thread.uniqueThread) + " of " + thread.process.imageFileName;
        if (at == null) {
            return "The " + who + " has no code left to run (" + thread.tcb.state + ").";
        }
        String stage = at.stage() == 0 ? "" : ", stage " + at.stage();
        String name = entered != null ? entered : at.display();
        long address = entered != null ? k.symbolAddress(entered) : address(k, at);
        return name + ":\n" + k.platform.pointer(address) + "  ; " + who + stage + ", position " + k.position;
    }
}
