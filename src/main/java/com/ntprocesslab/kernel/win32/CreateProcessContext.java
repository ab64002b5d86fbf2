package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.csr.CsrCreateProcessMessage;

/**
 * Everything one process creation carries from stage 1 to stage 6 in kernel32: the caller's
 * request and what kernel32 decided, on top of the message csrss reads and the parameters the
 * executive reads (each layer sees only its part).
 */
public final class CreateProcessContext extends CsrCreateProcessMessage {
    /** The ApiCall this creation answers (results are written back there). */
    public final ApiCall call;
    public long flags;
    /** lpApplicationName: the image, not searched for (null: the command line names it). */
    public String applicationName;
    /** Native creation (RtlCreateUserProcess): no Win32 checks and no CSR registration. */
    public boolean nativeCreation;
    /** CreateProcessAsUserW: the token handle in the caller's table. */
    public long tokenHandle;
    public int restarts;
    /** IFEO: whether Image File Execution Options has a key for the image (BasepIsProcessAllowed). */
    public boolean ifeoKeyPresent;
    /** A *_PRIORITY_CLASS flag was given: only then does XP's kernel32 set the class (else the kernel's choice stands). */
    public boolean priorityClassGiven;
    /** PROCESS_BASIC_INFORMATION.PebBaseAddress, from NtQueryInformationProcess (XP). */
    public long pebBaseAddress;
    /** The image base BasepSxsCreateProcessCsrMessage read from the new PEB (NtReadVirtualMemory). */
    public long sxsImageBase;
    /** LoadLibraryA("advapi32.dll")'s module handle (XP SP3 fetches CreateProcessAsUserSecure from it). */
    public long advapi32;
    /** The NtQueryInformationProcess call in flight (its answer is read in the next step). */
    public com.ntprocesslab.kernel.ps.NtArgs query;

    public CreateProcessContext(ApiCall call) {
        this.call = call;
    }

    /** The IDs also go to the API's caller (PROCESS_INFORMATION's dwProcessId and dwThreadId). */
    @Override
    public void returnClientId(long process, long thread) {
        super.returnClientId(process, thread);
        call.processId = process;
        call.threadId = thread;
    }
}
