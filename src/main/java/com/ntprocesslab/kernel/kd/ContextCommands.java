package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * .process and .thread: choose which process and thread the inspection commands look at. The
 * answers are WinDbg's (".process (Set Process Context)", ".thread (Set Register Context)" in
 * Microsoft's debugger reference): /p translates user addresses through that process, /r
 * reloads its user-mode symbols.
 * They change only the debugger's view; the next g, t or p returns to the running thread.
 */
final class ContextCommands {
    private ContextCommands() {
    }

    static CommandResult context(Debugger d, KdCommand.Context c) {
        if (c.address() == null) {
            if (c.process()) {
                EProcess p = d.contextProcess();
                return Debugger.accept(p == null ? "No process context." : "Implicit process is now " + d.kernel.platform.pointer(p.address) + " (" + p.imageFileName + ")");
            }
            EThread t = d.contextThread();
            return Debugger.accept(t == null ? "No thread context: every thread is waiting." : "Implicit thread is now " + d.kernel.platform.pointer(t.address)
                    + " (thread 0x" + Long.toHexString(t.uniqueThread) + " of " + t.process.imageFileName + ")");
        }
        KernelObject o = d.kernel.objects.get(c.address());
        if (c.process()) {
            if (!(o instanceof EProcess p)) {
                return Debugger.reject("Couldn't resolve error at '" + d.kernel.platform.pointer(c.address()) + "': not an EPROCESS address (!process 0 0 lists them)");
            }
            d.processContext = p;
            d.threadContext = null;
            StringBuilder out = new StringBuilder("Implicit process is now " + d.kernel.platform.pointer(p.address));
            if (c.translate()) {
                out.append("\n.cache forcedecodeuser done");
            }
            if (c.reloadUser()) {
                out.append("\nLoading User Symbols\n").append(".".repeat(Math.max(0, LoadedModules.of(d.kernel, p).size() - 1)));
            }
            return Debugger.accept(out.toString());
        }
        if (!(o instanceof EThread t)) {
            return Debugger.reject("Couldn't resolve error at '" + d.kernel.platform.pointer(c.address()) + "': not an ETHREAD address (!process 0 7 lists threads)");
        }
        d.threadContext = t;
        d.processContext = t.process;
        return Debugger.accept("Implicit thread is now " + d.kernel.platform.pointer(t.address));
    }
}
