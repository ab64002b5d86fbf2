package com.ntprocesslab.kernel.csr;

/** CSR_THREAD: csrss's record of a Win32 thread and the handle it holds to it. */
public final class CsrThread {
    public long uniqueProcess;
    public long uniqueThread;
    /** Handle to the thread in csrss's own handle table. */
    public long threadHandle;
}
