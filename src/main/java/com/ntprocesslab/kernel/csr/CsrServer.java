package com.ntprocesslab.kernel.csr;

import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.PortObject;
import java.util.ArrayList;
import java.util.List;

/** The Windows subsystem server of one session: its csrss process and CSR_PROCESS list. */
public final class CsrServer {
    public final int sessionId;
    public EProcess csrss;
    /** \\Windows\\ApiPort (\\Sessions\\n\\Windows\\ApiPort in session n > 0): CsrClientCallServer's messages arrive here. */
    public PortObject apiPort;
    /** CsrRootProcess first (csrss itself), then registered processes in insertion order. */
    public final List<CsrProcess> processes = new ArrayList<>();
    /** Count of Win32 processes registered in the session (the root is not counted). */
    public int sessionProcessCount;
    public long nextSequence = 1;

    public CsrServer(int sessionId) {
        this.sessionId = sessionId;
    }

    public CsrProcess find(long pid) {
        for (CsrProcess p : processes) {
            if (p.uniqueProcess == pid) {
                return p;
            }
        }
        return null;
    }
}
