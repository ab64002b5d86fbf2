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
            entry(k, p, sb);
        }
        return sb.toString().replace("\r\n", "\n");
    }

    /** One process's summary lines, as {@code !process <pid> 0} prints them (four on x64, three on x86). */
    public static void entry(Kernel k, EProcess p, StringBuilder sb) {
        String session = p.sessionId < 0 ? "none" : Integer.toString(p.sessionId);
        if (k.platform.x86) {
            // WinDbg's x86 layout: the session, Cid and PEB on the PROCESS line, the PEB in 8 digits
            sb.append(String.format("PROCESS %s  SessionId: %s  Cid: %04x    Peb: %08x  ParentCid: %04x%n",
                    k.platform.pointer(p.address), session, p.uniqueProcessId, p.peb == null ? 0 : p.peb.address, p.inheritedFromUniqueProcessId));
        } else {
            // kdexts prints the EPROCESS and ObjectTable pointers without the backtick: "PROCESS ffffa50dcea99040"
            // (kernel transcripts of "!process 0 0", e.g. Windows Internals 6th ed., "Viewing the Handle Table")
            sb.append("PROCESS ").append(k.platform.plainPointer(p.address)).append('\n');
            sb.append(String.format("    SessionId: %s  Cid: %04x    Peb: %s  ParentCid: %04x%n",
                    session, p.uniqueProcessId, p.peb == null ? "00000000" : Long.toHexString(p.peb.address), p.inheritedFromUniqueProcessId));
        }
        sb.append(String.format("    DirBase: %08x  ObjectTable: %s  HandleCount: %d.%n",
                p.pcb.directoryTableBase, p.objectTable == null ? "00000000" : k.platform.plainPointer(p.objectTable.address),
                p.objectTable == null ? 0 : p.objectTable.handleCount()));
        sb.append("    Image: ").append(p.imageFileName).append('\n');
    }
}
