package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.csr.CsrCreateProcessMessage;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import java.util.function.UnaryOperator;

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
    /** The new PEB's ProcessParameters, read back for StuffStdHandle (NtReadVirtualMemory; 0: not read). */
    public long parametersInNewProcess;
    /** The image base BasepSxsCreateProcessCsrMessage read from the new PEB (NtReadVirtualMemory). */
    public long sxsImageBase;
    /** What GetProcAddress gave for advapi32!CreateProcessAsUserSecure: kept and never called (seed 003). */
    public long createProcessAsUserSecure;
    /** LoadLibraryA("advapi32.dll")'s module handle (XP SP3 fetches CreateProcessAsUserSecure from it). */
    public long advapi32;
    /** The NtQueryInformationProcess call in flight (its answer is read in the next step). */
    public com.ntprocesslab.kernel.ps.NtArgs query;

    /** The free lists of the caller's and each csrss's handle table when the call began (see {@link #giveBackFreeLists}). */
    public java.util.Map<Long, com.ntprocesslab.kernel.ob.HandleTable.FreeListMark> freeListMarks;

    /** Remembers the free lists once per call (a restart after IFEO or a batch file keeps the first). */
    void markFreeLists(Subsystems k, EThread caller) {
        if (freeListMarks != null) {
            return;
        }
        freeListMarks = new java.util.TreeMap<>();
        java.util.List<com.ntprocesslab.kernel.ps.EProcess> owners = new java.util.ArrayList<>();
        owners.add(caller.process);
        k.csrServers.values().forEach(server -> owners.add(server.csrss));
        for (com.ntprocesslab.kernel.ps.EProcess owner : owners) {
            if (owner != null && owner.objectTable != null) {
                freeListMarks.put(owner.objectTable.address, owner.objectTable.mark());
            }
        }
    }

    /**
     * A failed creation leaves the handle tables it touched as it found them: handles it opened
     * and closed on the way (file, section, the new process and thread, csrss's copies) went to
     * the head of FirstFree in Windows; the machine's rule that a failed call changes nothing
     * gives back the free list as well, as the rollback does for PspCidTable's IDs.
     */
    void giveBackFreeLists(Subsystems k, EThread caller) {
        if (freeListMarks == null) {
            return;
        }
        java.util.List<com.ntprocesslab.kernel.ps.EProcess> owners = new java.util.ArrayList<>();
        owners.add(caller.process);
        k.csrServers.values().forEach(server -> owners.add(server.csrss));
        for (com.ntprocesslab.kernel.ps.EProcess owner : owners) {
            if (owner != null && owner.objectTable != null) {
                owner.objectTable.restore(freeListMarks.get(owner.objectTable.address));
            }
        }
        freeListMarks = null;
    }

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

    /**
     * The creation is undone after the process and its first thread exist: the caller's handles
     * to both close (the last ones delete the objects) and the call reports no IDs.
     */
    void closeProcessAndThread(Subsystems k, EThread caller) {
        ClassicNtdll.close(k, caller, threadHandle);
        ClassicNtdll.close(k, caller, processHandle);
        threadHandle = 0;
        processHandle = 0;
        call.processId = 0;
        call.threadId = 0;
    }

    /**
     * The end both creators share: at {@code stage} the first thread is resumed through
     * {@code resume} unless the caller asked for it suspended (then the step before jumps to
     * "done"), and "done" is where the new process is reported.
     */
    static UnaryOperator<Routine.Builder<Subsystems, EThread>> resumeUnlessSuspended(int stage, Routine resume) {
        return b -> b.stage(stage)
                .call(resume, (k, t, f) -> StepResult.call(resume, NtArgs.of(f.args(CreateProcessContext.class).threadHandle, 0)))
                .stage(0)
                .label("done");
    }

    /** The creation succeeded: the call reports the process and thread handles and IDs. */
    void reportCreated() {
        call.processCreated(processHandle, threadHandle, NtStatus.STATUS_SUCCESS);
    }
}
