package com.ntprocesslab.kernel.csr;

/** CSR_THREAD: csrss's record of a Win32 thread and the handle it holds to it. */
public final class CsrThread {
    /** CsrThreadIsServerThread (ReactOS csrsrv.h CSR_THREAD_FLAGS): one of csrss's own API request threads. */
    public static final long CSR_THREAD_IS_SERVER_THREAD = 0x10;

    public long uniqueProcess;
    public long uniqueThread;
    /** Handle to the thread in csrss's own handle table. */
    public long threadHandle;
    /** CSR_THREAD.Flags: CsrThreadIsServerThread for a static server thread of CsrRootProcess, else 0. */
    public long flags;
}
