package com.ntprocesslab.kernel.machine;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.io.Volume;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.CallRecord;
import com.ntprocesslab.kernel.win32.CreatedProcess;
import java.util.ArrayList;
import java.util.List;

/**
 * All state of one emulated machine, as plain data reachable from here: the executive's
 * structures and the Windows subsystem (inherited, so each component's routines see the
 * view they were written against), the console's calls in progress, and the dispatcher that
 * runs every thread's frames. Nothing outside this object (no lambda, no static) holds
 * machine state.
 */
public final class Kernel extends Subsystems {
    /** Bumped whenever the same commands could produce a different machine. */
    public static final String VERSION = "0.13.0";
    /** The result of the last .call, for the console and the snapshot. */
    public CallRecord lastCall;
    /** The last completed CreateProcess call's PROCESS_INFORMATION, for the console's {@code $hThread} and its kin. */
    public CreatedProcess lastCreatedProcess;
    /** .calls still in progress (stopped between steps or blocked in a wait), one per thread at most. */
    public final List<PendingCall> pendingCalls = new ArrayList<>();
    public final transient Dispatcher engine;

    public Kernel(Profile profile, Registry registry, Volume volume) {
        super(profile, registry, volume);
        this.engine = new Dispatcher(this);
    }

    public PendingCall pendingCallOn(EThread thread) {
        for (PendingCall p : pendingCalls) {
            if (p.thread() == thread) {
                return p;
            }
        }
        return null;
    }

    @Override
    public long symbolAddress(String symbol) {
        return Symbols.address(symbol, profile);
    }

    @Override
    public Routine routineNamed(String symbol) {
        return Symbols.routine(symbol, profile);
    }

    @Override
    public Routine systemDllRoutine(String symbol) {
        Routine routine = Symbols.routine(symbol, profile);
        if (routine == null) {
            throw new IllegalStateException("A " + profile + " machine's ntdll has no " + symbol);
        }
        return routine;
    }
}
