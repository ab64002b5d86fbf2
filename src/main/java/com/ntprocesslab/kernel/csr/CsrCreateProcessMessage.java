package com.ntprocesslab.kernel.csr;

import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.PspCreateParameters;

/**
 * BASE_CREATE_PROCESS as csrss reads it: the creator's handles to the new process and thread
 * and their IDs (from the creation parameters it extends), plus what csrss builds at stage 5:
 * its duplicated handles and its CSR_PROCESS and CSR_THREAD records, until inserted.
 */
public class CsrCreateProcessMessage extends PspCreateParameters {
    /** The creator's thread (the message's ClientId): its handles are the ones named above. */
    public EThread clientThread;
    public long csrProcessHandle;
    public long csrThreadHandle;
    public CsrProcess csrProcess;
    /** The CSR_THREAD CsrAllocateThread made for the first thread, until CsrInsertThread lists it. */
    public CsrThread csrThread;
}
