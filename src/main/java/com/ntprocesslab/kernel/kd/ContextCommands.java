package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;

/**
 * .process and .thread: choose which process and thread the inspection commands look at.
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
            return Debugger.accept("Implicit process is now " + d.kernel.platform.pointer(p.address) + " (" + p.imageFileName + ")");
        }
        if (!(o instanceof EThread t)) {
            return Debugger.reject("Couldn't resolve error at '" + d.kernel.platform.pointer(c.address()) + "': not an ETHREAD address (!process 0 7 lists threads)");
        }
        d.threadContext = t;
        d.processContext = t.process;
        return Debugger.accept("Implicit thread is now " + d.kernel.platform.pointer(t.address) + " (thread 0x" + Long.toHexString(t.uniqueThread)
                + " of " + t.process.imageFileName + ")");
    }
}
