package com.ntprocesslab.kernel.ps;

import com.ntprocesslab.kernel.io.ImageFileRequest;
import com.ntprocesslab.kernel.ke.PriorityClass;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.ob.HoldsReferences;
import com.ntprocesslab.kernel.ob.KernelObject;
import com.ntprocesslab.kernel.se.Token;
import java.util.function.Consumer;

/**
 * What the process manager's creation services read and build: the request as the system
 * calls pass it (NtCreateUserProcess's attributes, or NtCreateProcessEx's and NtCreateThread's
 * arguments) and the objects built so far, each holding its creator's reference until a handle
 * takes it or the cleanup path drops it. The Windows subsystem's message and kernel32's own
 * state extend it; the executive sees only this.
 */
public class PspCreateParameters extends ImageFileRequest implements HoldsReferences {
    public String commandLine;
    /** lpCurrentDirectory, lpEnvironment and STARTUPINFO for the new process's parameters (null: none given). */
    public com.ntprocesslab.kernel.mm.StartupParameters startup;
    public Integer sessionOverride;
    public boolean skipImageFileExecutionOptions;
    /** PS_CREATE_INFO.InitState.IFEOSkipDebugger: the IFEO Debugger value is not honoured (PerfOptions still are). */
    public boolean ifeoSkipDebugger;
    public PriorityClass priorityClass = PriorityClass.NORMAL;
    /** PS_CREATE_STATE reported back to user mode. */
    public String createState = "PsCreateInitialState";
    public String ifeoDebugger;
    /** IFEO PerfOptions\\IoPriority and PagePriority when present (null: the value is not there). */
    public Long ifeoIoPriority;
    public Long ifeoPagePriority;
    /** IFEO\\<image>\\UseLargePages when present; {@code imageUsesLargePages} once PspAllocateProcess granted it. */
    public Long ifeoUseLargePages;
    public boolean imageUsesLargePages;
    public long status;

    public SectionObject section;
    public EProcess process;
    public EThread thread;
    public Token explicitToken;
    public long processHandle;
    public long threadHandle;
    /** The CLIENT_ID the service returns: the new process's and thread's IDs. */
    public long uniqueProcess;
    public long uniqueThread;

    /*
     * The classic kernel holds a reference to the parent only while a service runs; the
     * process and thread are created by two system calls.
     */
    /** NtCreateProcessEx's ParentProcess: NtCurrentProcess (-1) from kernel32 and ntdll. */
    public long parentHandle;
    /** NtCreateProcessEx's DebugPort and ExceptionPort handles (0: none) and JobMemberLevel. */
    public long debugPortHandle;
    public long exceptionPortHandle;
    public long jobMemberLevel;
    /** NtCreateProcess's BOOLEAN InheritObjectTable (the older service; NtCreateProcessEx takes flags). */
    public boolean inheritObjectTable;
    /** MmGetSessionId's answer, which SeSetSessionIdToken writes into the new token. */
    public int sessionOfProcess;
    /** The security check at the end of a classic creation: the descriptor's owner and the referenced subject token. */
    public Token securityOwner;
    public Token subjectToken;
    /** PROCESS_CREATE_FLAGS_* passed to NtCreateProcessEx. */
    public long createFlags;
    public EProcess parent;
    /** INITIAL_TEB from BaseCreateStack, and the CONTEXT from BaseInitializeContext. */
    public long stackBase;
    public long stackLimit;
    public long contextStartAddress;
    public long contextEntryPoint;
    public boolean createSuspended;
    /** NtCreateThreadEx's StartRoutine: a thread procedure of the target image (null: the image's entry point). */
    public String startRoutine;
    public long startAddress;
    public String startParameter;
    /** DesiredAccess of NtCreateProcessEx / NtCreateThread, and what SeCreateAccessStateEx grants of it. */
    public long desiredAccess;
    public long grantedAccess;
    /** PsCreateSystemThread's StartRoutine: set, the thread is a kernel-mode thread of the System process (no TEB, no CONTEXT). */
    public com.ntprocesslab.kernel.exec.Routine systemStartRoutine;
    /** The base priority the creator of a system thread gives it afterwards (ExpCreateWorkerThread's KeSetBasePriorityThread). */
    public int systemThreadPriority;

    /** The service succeeded: its caller learns the new process's and thread's IDs. */
    public void returnClientId(long process, long thread) {
        uniqueProcess = process;
        uniqueThread = thread;
    }

    @Override
    public void forEachReference(Consumer<KernelObject> sink) {
        if (file != null) {
            sink.accept(file);
        }
        if (section != null) {
            sink.accept(section);
        }
        if (process != null) {
            sink.accept(process);
        }
        if (thread != null) {
            sink.accept(thread);
        }
        if (parent != null) {
            sink.accept(parent);
        }
        if (explicitToken != null) {
            sink.accept(explicitToken);
        }
        if (subjectToken != null) {
            sink.accept(subjectToken);
        }
    }

    /** PsCreateMinimalProcess's name (PspSetMinimalProcessName): a minimal process has no image to be named after. */
    public String minimalName;
    /** The creator is kernel code (PreviousMode KernelMode): its process handle is a kernel handle, in System's table. */
    public boolean kernelHandle;

    /** PROCESS_CREATE_FLAGS_MINIMAL_PROCESS: no image, no ntdll, no PEB. */
    public boolean minimal() {
        return (createFlags & MinimalProcesses.PROCESS_CREATE_FLAGS_MINIMAL_PROCESS) != 0;
    }

    public String imageName() {
        String path = dosPath != null ? dosPath : commandLine;
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
