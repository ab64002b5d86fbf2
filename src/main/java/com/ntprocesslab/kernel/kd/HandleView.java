package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.inspect.Format;
import com.ntprocesslab.kernel.inspect.ProcessDump;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;

/**
 * !handle [handle] [flags] [cid]: a process's handle table. Handle 0 (or none) lists every
 * handle; flag bit 2 adds each object's header (type, counts, name).
 */
final class HandleView {
    private static final long ENTRY_SIZE = 0x10;

    private HandleView() {
    }

    static CommandResult handle(Debugger d, KdCommand.Handle h) {
        EProcess p;
        if (h.cid() != null) {
            p = Lookup.process(d.kernel, h.cid());
            if (p == null) {
                return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(h.cid()) + "': no process has that client id (!process 0 0 lists them)");
            }
        } else {
            p = d.contextProcess();
            if (p == null) {
                return Debugger.accept("No process context; give a process id: !handle 0 3 <cid>.");
            }
        }
        if (p.objectTable == null) {
            return Debugger.accept("Process " + p.imageFileName + " has no handle table (it was swept at exit).");
        }
        List<Long> handles = h.handle() == null || h.handle() == 0 ? p.objectTable.handles() : List.of(h.handle());
        if (handles.size() == 1 && p.objectTable.lookup(handles.get(0)) == null) {
            return Debugger.reject("Couldn't resolve error at '" + Long.toHexString(handles.get(0)) + "': " + p.imageFileName + " has no handle with that value");
        }
        StringBuilder out = new StringBuilder();
        ProcessDump.entry(d.kernel, p, out);
        out.append("\nHandle table at ").append(d.kernel.platform.pointer(p.objectTable.address)).append(" with ")
                .append(p.objectTable.handleCount()).append(" entries in use\n");
        for (long value : handles) {
            HandleEntry e = p.objectTable.lookup(value);
            KernelObject o = e.object();
            out.append(String.format("%n%04x: Object: %s  GrantedAccess: %08x%s Entry: %s%n", value, d.kernel.platform.pointer(o.address),
                    e.grantedAccess(), e.inherit() ? " (Inherit)" : "", d.kernel.platform.pointer(p.objectTable.address + value / 4 * ENTRY_SIZE)));
            if ((h.flags() & 2) != 0) {
                out.append(ObjectView.header(d.kernel, o, "    "));
            }
        }
        return Debugger.accept(out.toString().replace("\r\n", "\n").stripTrailing());
    }

    /** What a handle's object is, in a few words (the process name, the thread id, the object name). */
    static String target(KernelObject o) {
        if (o instanceof EProcess p) {
            return p.imageFileName + " (Cid " + Lookup.hex4(p.uniqueProcessId) + ")";
        }
        if (o instanceof EThread t) {
            return "Cid " + Lookup.hex4(t.process.uniqueProcessId) + "." + Lookup.hex4(t.uniqueThread);
        }
        return o.name == null ? "" : o.name;
    }
}
