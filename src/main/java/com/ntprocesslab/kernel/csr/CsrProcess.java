package com.ntprocesslab.kernel.csr;

import java.util.ArrayList;
import java.util.List;

/** CSR_PROCESS: csrss's record of a Win32 process. */
public final class CsrProcess {
    public static final long DEFAULT_SHUTDOWN_LEVEL = 0x280;

    public long uniqueProcess;
    public String imageName;
    /** Handle to the process in csrss's own handle table (0 for csrss itself). */
    public long processHandle;
    /** ClientPort: csrss's handle to its end of the process's connection (the server communication port), 0 until it connects. */
    public long clientPort;
    public long shutdownLevel = DEFAULT_SHUTDOWN_LEVEL;
    public long sequenceNumber;
    public final List<CsrThread> threadList = new ArrayList<>();
}
