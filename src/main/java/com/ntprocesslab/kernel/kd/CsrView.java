package com.ntprocesslab.kernel.kd;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.csr.CsrProcess;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.csr.CsrThread;
import com.ntprocesslab.kernel.machine.Kernel;

/** !csrss: each session's csrss and its CSR_PROCESS list (CsrRootProcess first, with csrss's own request thread) with their CSR_THREADs. */
final class CsrView {
    private CsrView() {
    }

    static CommandResult list(Kernel k) {
        if (k.csrServers.isEmpty()) {
            return Debugger.accept("No csrss is running yet.");
        }
        StringBuilder out = new StringBuilder();
        for (CsrServer server : k.csrServers.values()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append("Session ").append(server.sessionId).append(": csrss.exe Cid ").append(Lookup.hex4(server.csrss.uniqueProcessId))
                    // the rows are every CSR_PROCESS, CsrRootProcess (csrss itself) first; the session's
                    // count of Win32 processes leaves the root out, so the header gives both numbers
                    .append(", ").append(server.processes.size()).append(" CSR_PROCESS: CsrRootProcess and ")
                    .append(server.sessionProcessCount).append(" Win32 processes\n");
            out.append("  ClientId  Sequence  ShutdownLevel  ProcessHandle  Image\n");
            for (CsrProcess p : server.processes) {
                out.append(String.format("  %04x      %8d  %13x  %13x  %s%n", p.uniqueProcess, p.sequenceNumber, p.shutdownLevel,
                        p.processHandle, p.imageName));
                for (CsrThread t : p.threadList) {
                    out.append(String.format("      CSR_THREAD Cid %04x.%04x  ThreadHandle %x%s%n", t.uniqueProcess, t.uniqueThread, t.threadHandle,
                            t.flags == CsrThread.CSR_THREAD_IS_SERVER_THREAD ? "  Flags 10 (CsrThreadIsServerThread)" : ""));
                }
            }
        }
        return Debugger.accept(out.toString().replace("\r\n", "\n").stripTrailing());
    }
}
