package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.Profile;
import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.CsrApiRequests;
import com.ntprocesslab.kernel.csr.CsrServerThreads;
import com.ntprocesslab.kernel.csr.CsrSrv;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.ImageFileServices;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.ClassicProcessCreation;
import com.ntprocesslab.kernel.ps.ClassicThreadCreation;
import com.ntprocesslab.kernel.ps.ClassicThreadStartup;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ProcessInformation;
import com.ntprocesslab.kernel.ps.Termination;
import com.ntprocesslab.kernel.ps.ThreadCreation;

/**
 * Windows XP's ntdll side of process creation: the system-call stubs (through
 * ntdll!KiFastSystemCall and nt!KiFastCallEntry), native creation (RtlCreateUserProcess, RtlCreateUserThread) used by
 * the kernel for smss and by smss, and the new thread's first user-mode code: the APC
 * dispatcher that runs LdrInitializeThunk (phase 6) and NtContinue to the thread's context.
 */
public final class ClassicNtdll {
    private ClassicNtdll() {
    }

    public static final Routine NtOpenFileStub = Syscalls.classicStub(ImageFileServices.NtOpenFile, 1);
    public static final Routine NtCreateSectionStub = Syscalls.classicStub(ImageFileServices.NtCreateSection, 1);
    static final Routine NtQuerySectionStub = Syscalls.classicStub(ImageFileServices.NtQuerySection, 1);
    public static final Routine NtCreateProcessExStub = Syscalls.classicStub(ClassicProcessCreation.NtCreateProcessEx, 2);
    static final Routine NtCreateProcessStub = Syscalls.classicStub(ClassicProcessCreation.NtCreateProcess, 2);
    static final Routine NtSetInformationProcessStub = Syscalls.classicStub(ProcessInformation.NtSetInformationProcess, 2);
    static final Routine NtCreateThreadStub = Syscalls.classicStub(ClassicThreadCreation.NtCreateThread, 3);
    static final Routine NtResumeThreadStub = Syscalls.classicStub(ThreadCreation.NtResumeThreadClassic, 5);
    static final Routine NtTerminateProcessStub = Syscalls.classicStub(Termination.NtTerminateProcess, 0);
    static final Routine NtContinueStub = Syscalls.classicStub(ClassicThreadStartup.NtContinue, 6);
    static final Routine NtSetInformationThreadStub = Syscalls.classicStub(ProcessInformation.NtSetInformationThread, 6);

    private static CreateProcessContext ctx(com.ntprocesslab.kernel.exec.Frame f) {
        return f.args(CreateProcessContext.class);
    }

    /** The new process, through the caller's handle to it. */
    static EProcess processOf(EThread caller, long processHandle) {
        HandleEntry entry = caller.process.objectTable.lookup(processHandle);
        return (EProcess) entry.object();
    }

    /** Closes one of the caller's handles if it is open; the field is then zeroed by the caller. */
    static void close(Subsystems k, EThread caller, long handle) {
        if (handle != 0) {
            ObjectManager.NtClose(k, caller.process.objectTable, handle);
        }
    }

    /** RTL_USER_PROCESS_PARAMETERS written into the new process and linked from its PEB. */
    static void pushParameters(EProcess p, CreateProcessContext c) {
        p.peb.processParameters = com.ntprocesslab.kernel.mm.Peb.XP_PROCESS_PARAMETERS;
        com.ntprocesslab.kernel.mm.StartupParameters.write(p.peb, c.dosPath, c.commandLine, c.startup,
                c.parent != null ? c.parent.peb : null, p.sessionId);
    }

    /**
     * What NtCreateProcessEx gets from user mode: the current process as parent (-1) and the
     * create flags; DEBUG_ONLY_THIS_PROCESS asks that the new process's own children not
     * inherit the debugger (PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT); bInheritHandles asks for
     * PROCESS_CREATE_FLAGS_INHERIT_HANDLES.
     */
    static void prepareProcessCall(CreateProcessContext c) {
        c.parentHandle = ObjectManager.CURRENT_PROCESS;
        c.createFlags = ((c.flags & CreationFlags.DEBUG_ONLY_THIS_PROCESS) != 0 ? ClassicProcessCreation.PROCESS_CREATE_FLAGS_NO_DEBUG_INHERIT : 0)
                | (c.inheritObjectTable ? ClassicProcessCreation.PROCESS_CREATE_FLAGS_INHERIT_HANDLES : 0);
        c.desiredAccess = AccessMask.PROCESS_ALL_ACCESS_XP;
    }

    /** BasepCreateProcess: csrss learns of the new process and its first thread, over XP's LPC port. */
    static final Routine CsrClientCallServer = CsrApiRequests.csrClientCallServer(Profile.CLASSIC, 4);

    /** RtlCreateUserThread: a stack and a context in the target process, then NtCreateThread. */
    static final Routine RtlCreateUserThread = Subsystems.win32Routine("ntdll!RtlCreateUserThread").stage(3)
            .step("ntdll!RtlpCreateStack", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                EProcess p = processOf(t, c.processHandle);
                long limit = MemoryManager.reserveStack(k, p, c.imageInformation.sizeOfStackReserve());
                if (limit == 0) {
                    return ret(NtStatus.STATUS_NO_MEMORY);
                }
                c.stackLimit = limit;
                c.stackBase = limit + Math.max(c.imageInformation.sizeOfStackReserve(), 0x100000L);
                return next();
            })
            // a native thread starts at the image's entry point itself: RtlInitializeContext (NT rtl/i386/context.c,
            // ReactOS rtl/i386 RtlInitializeContext) puts it in Eip and 0 in Eax, and PspCreateThread takes
            // Win32StartAddress from Eax (WRK ps/create.c), so XP shows 0 for threads RtlCreateUserThread made
            .step("ntdll!RtlInitializeContext", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.contextStartAddress = c.imageInformation.imageBase() + c.imageInformation.addressOfEntryPoint();
                c.contextEntryPoint = 0;
                c.createSuspended = true;
                c.desiredAccess = AccessMask.THREAD_ALL_ACCESS_XP;
                return next();
            })
            .tailCall(NtCreateThreadStub)
            .build();

    /**
     * RtlCreateUserProcess: the native creation of smss and of what smss starts. No Win32
     * checks and no csrss; the thread is resumed unless CREATE_SUSPENDED was asked.
     */
    public static final Routine RtlCreateUserProcess = Subsystems.win32Routine("ntdll!RtlCreateUserProcess").stage(1)
            .step("ntdll!RtlCreateProcessParameters", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.priorityClass = KernelBase.nativePriorityClass(c.flags);
                c.dosPath = KernelBase.resolveImage(k.volume, c.commandLine);
                c.ntPath = c.dosPath == null ? null : "\\??\\" + c.dosPath;
                c.status = c.dosPath == null ? NtStatus.STATUS_OBJECT_NAME_INVALID : NtStatus.STATUS_SUCCESS;
                return c.dosPath == null ? jump("fail") : next();
            })
            .call(NtOpenFileStub)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("fail");
            })
            .call(NtCreateSectionStub)
            // NtCreateSection's status is read here and tested after the file handle closes: the file is
            // closed whether or not the section was made (ReactOS sdk/lib/rtl/process.c, RtlpMapFile)
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                close(k, t, c.fileHandle);
                c.fileHandle = 0;
                return NtStatus.success(c.status) ? next() : jump("fail");
            })
            .stage(2)
            // XP's RtlCreateUserProcess calls the older NtCreateProcess (InheritHandles FALSE), which becomes NtCreateProcessEx
            .call(NtCreateProcessStub, (k, t, f) -> {
                prepareProcessCall(ctx(f));
                ctx(f).inheritObjectTable = false;
                return StepResult.call(NtCreateProcessStub, f.args);
            })
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("fail");
            })
            .call(NtQuerySectionStub)
            .inline((k, t, f) -> {
                ctx(f).status = f.calleeStatus;
                return NtStatus.success(f.calleeStatus) ? next() : jump("fail");
            })
            .call(NtSetInformationProcessStub, (k, t, f) -> {
                NtArgs a = NtArgs.of(ctx(f).processHandle, ProcessInformation.ProcessPriorityClass);
                a.information = ProcessInformation.priorityClassCode(ctx(f).priorityClass);
                return StepResult.call(NtSetInformationProcessStub, a);
            })
            .step("ntdll!RtlpInitEnvironment", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (!NtStatus.success(c.status)) {
                    return jump("fail");
                }
                pushParameters(processOf(t, c.processHandle), c);
                return next();
            })
            .stage(3)
            .call(RtlCreateUserThread)
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                c.status = f.calleeStatus;
                if (!NtStatus.success(c.status)) {
                    return jump("fail");
                }
                close(k, t, c.sectionHandle);
                c.sectionHandle = 0;
                return (c.flags & CreationFlags.CREATE_SUSPENDED) != 0 ? jump("done") : next();
            })
            .with(CreateProcessContext.resumeUnlessSuspended(5, NtResumeThreadStub))
            .inline((k, t, f) -> {
                ctx(f).reportCreated();
                ctx(f).call.status = NtStatus.STATUS_SUCCESS;
                return ret(NtStatus.STATUS_SUCCESS);
            })
            .label("fail")
            // a process without a thread dies with its last handle; whatever was opened is closed
            .step("ntdll!NtClose", (k, t, f) -> {
                CreateProcessContext c = ctx(f);
                close(k, t, c.processHandle);
                close(k, t, c.sectionHandle);
                close(k, t, c.fileHandle);
                c.processHandle = 0;
                c.sectionHandle = 0;
                c.fileHandle = 0;
                c.call.processId = 0;
                c.call.threadId = 0;
                c.call.status = c.status;
                c.call.returnValue = c.status;
                return ret(c.status);
            })
            .build();

    /** smss's SmpExecuteImage: the native creation request of a script line. */
    static final Routine SmpExecuteImage = Subsystems.win32Routine("smss!SmpExecuteImage")
            .call(RtlCreateUserProcess, (k, t, f) -> StepResult.call(RtlCreateUserProcess, KernelBase.nativeCreation(f.args(ApiCall.class))))
            .returnCalleeStatus()
            .build();

    /** LdrpInitialize: the process's first thread initialises the process (LdrpInitializeProcess), a later one only itself. */
    static final Routine LdrpInitialize = Subsystems.win32Routine("ntdll!LdrpInitialize").stage(6)
            .call(Ntdll.LdrpInitializeProcessClassic, (k, t, f) -> t.process.peb.ldr == null
                    ? StepResult.call(Ntdll.LdrpInitializeProcessClassic, new LoaderState()) : ret(NtStatus.STATUS_SUCCESS))
            .returnCalleeStatus()
            .build();

    /** The loader runs as the first user APC of the thread (phase 6). */
    static final Routine LdrInitializeThunk = Subsystems.win32Routine("ntdll!LdrInitializeThunk").stage(6)
            .call(LdrpInitialize, (k, t, f) -> StepResult.call(LdrpInitialize, null))
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? ret(NtStatus.STATUS_SUCCESS)
                    : StepResult.call(Ntdll.RtlExitUserProcess, NtArgs.of(0, f.calleeStatus)))
            .build();

    /**
     * User mode begins here: the dispatcher calls the APC routine, then NtContinue resumes the
     * thread's own context: kernel32!BaseProcessStartThunk for a Win32 process, the image entry
     * point for a native one.
     */
    static final Routine KiUserApcDispatcher = Subsystems.win32Routine("ntdll!KiUserApcDispatcher").stage(6)
            .call(LdrInitializeThunk, (k, t, f) -> StepResult.call(LdrInitializeThunk, null))
            // XP's call eax returns to +0x7 (its stacks show ntdll!KiUserApcDispatcher+0x7); the .call APC's variant too (AlertableWaits)
            .returnAt(0x7)
            // NtContinue enters the kernel, which returns to user mode at the CONTEXT's Eip (the thread's StartAddress)
            .call(NtContinueStub, (k, t, f) -> StepResult.call(NtContinueStub, t.startAddress == k.symbolAddress("kernel32!BaseProcessStartThunk")
                    ? new ClassicThreadStartup.ContinueContext(Kernel32.BaseProcessStartThunk, null)
                    : t.startAddress == k.symbolAddress("kernel32!BaseThreadStartThunk")
                    ? new ClassicThreadStartup.ContinueContext(ThreadApi.BaseThreadStartThunk, null)
                    // csrss's request thread: RtlCreateUserThread's CONTEXT starts it at CsrApiRequestThread itself
                    : CsrServerThreads.startRoutineAt(k, t.startAddress) != null
                    ? new ClassicThreadStartup.ContinueContext(CsrServerThreads.startRoutineAt(k, t.startAddress), new CsrApiRequests.ServerState())
                    : new ClassicThreadStartup.ContinueContext(GuestPrograms.entryFor(t.process, k.profile), new GuestLocals())))
            .build();
}
