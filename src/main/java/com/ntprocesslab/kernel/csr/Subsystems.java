package com.ntprocesslab.kernel.csr;

import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.Registry;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.io.Volume;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.Executive;
import java.util.TreeMap;

/**
 * The executive plus the Windows subsystem's servers, one csrss per session: what csrss and
 * the user-mode libraries (ntdll, kernel32) see of the machine.
 */
public abstract class Subsystems extends Executive {
    public final TreeMap<Integer, CsrServer> csrServers = new TreeMap<>();

    protected Subsystems(Profile profile, Registry registry, Volume volume) {
        super(profile, registry, volume);
    }

    /** Starts a routine of csrss or of a user-mode library: its steps see the executive and the subsystem. */
    public static Routine.Builder<Subsystems, EThread> win32Routine(String symbol) {
        return Routine.named(symbol);
    }

    /**
     * A Win32 process's csrss learns of its exit from the LPC_CLIENT_DIED message on its port;
     * what the kernel itself settles is a csrss dying, which takes its session's server along.
     */
    @Override
    public void processExited(EProcess process) {
        CsrSrv.serverDied(this, process);
    }
}
