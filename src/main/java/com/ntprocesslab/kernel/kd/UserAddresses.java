package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * User-mode addresses mean something only inside one address space: WinDbg reads them in the
 * current process context (".process /p /r", learn.microsoft.com/windows-hardware/drivers/debuggercmds/-process--set-process-context-).
 * On XP every process's PEB is at 0x7ffdf000 and its first TEB at 0x7ffde000, so a PEB or TEB at
 * a user address is looked up in the context process first; another process's block is taken
 * only when exactly one process has one there (the modern profile's randomized addresses).
 */
final class UserAddresses {
    private UserAddresses() {
    }

    /** The process whose PEB is at {@code address} as the context sees it, or null; ambiguous when several others have one there. */
    static Match<EProcess> peb(Debugger d, long address) {
        Predicate<EProcess> has = p -> p.peb != null && p.peb.address == address;
        EProcess context = d.contextProcess();
        if (context != null && has.test(context)) {
            return new Match<>(context, 0);
        }
        List<EProcess> others = new ArrayList<>();
        for (EProcess p : d.kernel.processes()) {
            if (has.test(p)) {
                others.add(p);
            }
        }
        return new Match<>(others.size() == 1 ? others.getFirst() : null, others.size());
    }

    /** The thread whose TEB is at {@code address}: the context thread's, then its process's, then a unique other one. */
    static Match<EThread> teb(Debugger d, long address) {
        Predicate<EThread> has = t -> t.teb != null && t.teb.address == address;
        EThread contextThread = d.contextThread();
        if (contextThread != null && has.test(contextThread)) {
            return new Match<>(contextThread, 0);
        }
        EProcess context = d.contextProcess();
        List<EThread> others = new ArrayList<>();
        for (EThread t : d.kernel.threads()) {
            if (context != null && t.process == context && has.test(t)) {
                return new Match<>(t, 0);
            }
            if (has.test(t)) {
                others.add(t);
            }
        }
        return new Match<>(others.size() == 1 ? others.getFirst() : null, others.size());
    }

    /** The block's owner, or null with how many processes outside the context have one at that address. */
    record Match<T>(T owner, int elsewhere) {
        String ambiguity(String block) {
            return elsewhere > 1 ? " (" + elsewhere + " processes have their " + block + " there; .process <address> picks the one to read)" : "";
        }
    }
}
