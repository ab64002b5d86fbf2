package com.ntprocesslab.kernel.inspect;

import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EProcess;

/** {@code !process 0 0}: one entry per process on PsActiveProcessHead, as WinDbg prints it. */
public final class ProcessDump {
    private ProcessDump() {
    }

    public static String render(Kernel k) {
        StringBuilder sb = new StringBuilder("**** NT ACTIVE PROCESS DUMP ****\n");
        boolean first = true;
        for (EProcess p : k.processes()) {
            if (!first) {
                sb.append('\n');
            }
            first = false;
            entry(p, sb);
        }
        return sb.toString().replace("\r\n", "\n");
    }

    /** One process's four summary lines, as {@code !process <pid> 0} prints them. */
    public static void entry(EProcess p, StringBuilder sb) {
        sb.append("PROCESS ").append(Format.pointer(p.address)).append('\n');
        sb.append(String.format("    SessionId: %s  Cid: %04x    Peb: %s  ParentCid: %04x%n",
                p.sessionId < 0 ? "none" : Integer.toString(p.sessionId), p.uniqueProcessId,
                p.peb == null ? "00000000" : Long.toHexString(p.peb.address), p.inheritedFromUniqueProcessId));
        sb.append(String.format("    DirBase: %08x  ObjectTable: %s  HandleCount: %d.%n",
                p.pcb.directoryTableBase, p.objectTable == null ? "00000000" : Format.pointer(p.objectTable.address),
                p.objectTable == null ? 0 : p.objectTable.handleCount()));
        sb.append("    Image: ").append(p.imageFileName).append('\n');
    }
}
