package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.jump;
import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.CsrApiRequests;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.csr.CsrSrv;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.io.VolumeFile;
import com.ntprocesslab.kernel.mm.MemoryManager;
import com.ntprocesslab.kernel.nt.AccessMask;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.nt.Win32Error;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.ObjectManager;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ThreadCreation;
import com.ntprocesslab.kernel.ps.ThreadInformation;

/**
 * The thread APIs: CreateThread / CreateRemoteThread, TerminateThread, GetExitCodeThread,
 * GetThreadPriority / SetThreadPriority, on both kernels.
 *
 * <p>Windows 10: KERNELBASE!CreateThread and CreateRemoteThread -> CreateRemoteThreadEx ->
 * ntdll!NtCreateThreadEx -> nt!NtCreateThreadEx -> PspCreateThread (PspAllocateThread,
 * PspInsertThread); the thread is created suspended and resumed unless CREATE_SUSPENDED
 * (ReactOS kernel32 client/thread.c CreateRemoteThread does the same). Windows XP:
 * kernel32!CreateThread -> CreateRemoteThread: BaseCreateStack, BaseInitializeContext (Eip =
 * BaseThreadStartThunk, Eax = the start routine), NtCreateThread (suspended), NtResumeThread
 * unless CREATE_SUSPENDED (ReactOS kernel32 client/thread.c, WRK ps/create.c for the kernel
 * side). The new thread's user mode starts at ntdll!RtlUserThreadStart -> KERNEL32!BaseThreadInitThunk
 * (Windows 10) or kernel32!BaseThreadStartThunk -> BaseThreadStart (XP), which calls the start
 * routine and passes its result to ExitThread.
 *
 * <p>XP tells csrss of each new thread (CsrClientCallServer(BasepCreateThread) before the
 * resume: BASESRV!BaseSrvCreateThread registers a CSR_THREAD); Windows 10 does not (the API
 * slot is BaseSrvDeadEntry from 6.2). Not modelled: the activation-context stack and
 * DLL_THREAD_ATTACH. The machine refuses a start routine its target image does not define
 * (ERROR_INVALID_PARAMETER, nothing created) where Windows would start a thread that faults.
 */
public final class ThreadApi {
    private ThreadApi() {
    }

    public static final long CREATE_SUSPENDED = 0x4;
    /** THREAD_PRIORITY_ERROR_RETURN (winbase.h): GetThreadPriority's failure value. */
    public static final long THREAD_PRIORITY_ERROR_RETURN = 0x7fffffffL;
    public static final int THREAD_PRIORITY_TIME_CRITICAL = 15;
    public static final int THREAD_PRIORITY_IDLE = -15;

    static final Routine NtCreateThreadExStub = Syscalls.stub(ThreadCreation.NtCreateThreadEx, 0);
    static final Routine NtQueryInformationThreadStub = Syscalls.stub(ThreadInformation.NtQueryInformationThread, 0);
    static final Routine NtSetInformationThreadStub = Syscalls.stub(ThreadInformation.NtSetInformationThread, 0);
    static final Routine NtQueryInformationThreadClassicStub = Syscalls.classicStub(ThreadInformation.NtQueryInformationThread, 0);
    static final Routine NtSetInformationThreadClassicStub = Syscalls.classicStub(ThreadInformation.NtSetInformationThread, 0);

    private static CreateThreadContext ctx(Frame f) {
        return f.args instanceof ApiCall call ? call.threadCreation : f.args(CreateThreadContext.class);
    }

    /** The process a handle of the caller names, read without taking a reference (null: none). */
    static EProcess targetProcess(EThread caller, long handle) {
        if (handle == ObjectManager.CURRENT_PROCESS) {
            return caller.process;
        }
        HandleEntry entry = caller.process.objectTable == null ? null : caller.process.objectTable.lookup(handle);
        return entry != null && entry.object() instanceof EProcess p ? p : null;
    }

    /**
     * The start routine must be a thread procedure of the target's image: its address becomes
     * lpStartAddress. A handle that names no process is left to the kernel to refuse.
     */
    private static StepResult resolveStart(Subsystems k, EThread t, Frame f) {
        CreateThreadContext c = ctx(f);
        if (c.startRoutine != null && ShellLaunch.startRoutine(c.startRoutine) != null && k.profile == com.ntprocesslab.kernel.Profile.MODERN) {
            // a routine of a system DLL (the shell's thread procedure), not of the image
            c.startAddress = k.symbolAddress(c.startRoutine);
            return next();
        }
        EProcess target = targetProcess(t, c.processHandle);
        if (target == null) {
            return next();
        }
        VolumeFile file = target.sectionObject == null ? null : target.sectionObject.fileObject.file;
        if (file == null || GuestPrograms.procedureForFile(file, c.startRoutine, k.profile) == null) {
            c.call.returnValue = 0;
            LastError.set(t, c.call, Win32Error.ERROR_INVALID_PARAMETER);
            return ret(NtStatus.STATUS_INVALID_PARAMETER);
        }
        c.startAddress = k.symbolAddress(GuestPrograms.procedureSymbol(file, c.startRoutine));
        return next();
    }

    private static StepResult failed(EThread t, CreateThreadContext c, long status) {
        c.call.returnValue = 0;
        c.call.status = status;
        LastError.BaseSetLastNTError(t, c.call, status);
        return ret(status);
    }

    private static StepResult created(CreateThreadContext c) {
        c.call.returnValue = c.threadHandle;
        c.call.threadId = c.uniqueThread;
        c.call.threadCreated = true;
        c.call.status = NtStatus.STATUS_SUCCESS;
        return ret(NtStatus.STATUS_SUCCESS);
    }

    static final Routine CreateRemoteThreadEx = Subsystems.win32Routine("KERNELBASE!CreateRemoteThreadEx")
            .inline(ThreadApi::resolveStart)
            // always suspended: the TEB is finished in user mode before the thread may run
            .call(NtCreateThreadExStub, (k, t, f) -> StepResult.call(NtCreateThreadExStub, ctx(f)))
            .inline((k, t, f) -> {
                if (!NtStatus.success(f.calleeStatus)) {
                    return failed(t, ctx(f), f.calleeStatus);
                }
                return (ctx(f).call.flags & CREATE_SUSPENDED) != 0 ? jump("done") : next();
            })
            .call(KernelBase.NtResumeThreadStub, (k, t, f) -> StepResult.call(KernelBase.NtResumeThreadStub, NtArgs.of(ctx(f).threadHandle, 0)))
            .label("done")
            .inline((k, t, f) -> created(ctx(f)))
            .build();

    static final Routine CreateThread = Subsystems.win32Routine("KERNELBASE!CreateThread")
            .tailCall(CreateRemoteThreadEx, (k, t, f) -> StepResult.call(CreateRemoteThreadEx,
                    new CreateThreadContext(f.args(ApiCall.class), ObjectManager.CURRENT_PROCESS)))
            .build();

    static final Routine CreateRemoteThread = Subsystems.win32Routine("KERNELBASE!CreateRemoteThread")
            .tailCall(CreateRemoteThreadEx, (k, t, f) -> StepResult.call(CreateRemoteThreadEx,
                    new CreateThreadContext(f.args(ApiCall.class), f.args(ApiCall.class).handle)))
            .build();

    /** XP's CreateRemoteThread (ReactOS kernel32 client/thread.c, the XP-era code). */
    static final Routine CreateRemoteThreadClassic = Subsystems.win32Routine("kernel32!CreateRemoteThread")
            // CreateThread passes NtCurrentProcess(); a .call of CreateRemoteThread names the process
            .inline((k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                if (call.threadCreation == null) {
                    call.threadCreation = new CreateThreadContext(call, call.handle);
                }
                return next();
            })
            .inline(ThreadApi::resolveStart)
            // the stack in the target process: the image's SizeOfStackReserve
            .step("kernel32!BaseCreateStack", (k, t, f) -> {
                CreateThreadContext c = ctx(f);
                EProcess p = targetProcess(t, c.processHandle);
                if (p == null) {
                    // the kernel refuses the handle (NtCreateThread references it first)
                    return next();
                }
                long reserve = p.sectionObject.image.sizeOfStackReserve();
                long limit = MemoryManager.reserveStack(k, p, reserve);
                if (limit == 0) {
                    return failed(t, c, NtStatus.STATUS_NO_MEMORY);
                }
                c.stackLimit = limit;
                c.stackBase = limit + Math.max(reserve, 0x100000L);
                return next();
            })
            // the CONTEXT: Eip = BaseThreadStartThunk, Eax = the start routine
            .step("kernel32!BaseInitializeContext", (k, t, f) -> {
                CreateThreadContext c = ctx(f);
                c.contextStartAddress = k.symbolAddress("kernel32!BaseThreadStartThunk");
                c.contextEntryPoint = c.startAddress;
                c.createSuspended = true;
                c.desiredAccess = AccessMask.THREAD_ALL_ACCESS_XP;
                return next();
            })
            .step("kernel32!BaseFormatObjectAttributes", (k, t, f) -> next())
            .call(ClassicNtdll.NtCreateThreadStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtCreateThreadStub, ctx(f)))
            .inline((k, t, f) -> NtStatus.success(f.calleeStatus) ? next() : failed(t, ctx(f), f.calleeStatus))
            // csrss learns of the thread before it may run: CsrClientCallServer(BasepCreateThread) with the
            // creator's handle and the CLIENT_ID (ReactOS kernel32 client/thread.c, BasepNotifyCsrOfThread;
            // its status is not checked, only asserted). csrss itself (BaseRunningInServerProcess) sends nothing.
            .call(ClassicNtdll.CsrClientCallServer, (k, t, f) -> {
                CreateThreadContext c = ctx(f);
                EProcess target = targetProcess(t, c.processHandle);
                CsrServer server = CsrSrv.serverFor(k, t.process.sessionId);
                if (target == null || server != null && server.csrss == t.process) {
                    return next();
                }
                return StepResult.call(ClassicNtdll.CsrClientCallServer,
                        new CsrApiRequests.CreateThreadMessage(c.threadHandle, target.uniqueProcessId, c.uniqueThread));
            })
            .inline((k, t, f) -> (ctx(f).call.flags & CREATE_SUSPENDED) != 0 ? jump("done") : next())
            .call(ClassicNtdll.NtResumeThreadStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtResumeThreadStub, NtArgs.of(ctx(f).threadHandle, 0)))
            .label("done")
            .inline((k, t, f) -> created(ctx(f)))
            .build();

    static final Routine CreateThreadClassic = Subsystems.win32Routine("kernel32!CreateThread")
            .tailCall(CreateRemoteThreadClassic, (k, t, f) -> {
                ApiCall call = f.args(ApiCall.class);
                call.threadCreation = new CreateThreadContext(call, ObjectManager.CURRENT_PROCESS);
                return StepResult.call(CreateRemoteThreadClassic, call);
            })
            .build();

    /** XP: where NtContinue lands a thread CreateRemoteThread made: the start routine, then ExitThread with its result. */
    static final Routine BaseThreadStart = Subsystems.win32Routine("kernel32!BaseThreadStart")
            .inline((k, t, f) -> StepResult.call(GuestPrograms.procedureFor(t.process, t.startRoutine, k.profile), new GuestLocals()))
            .call(Kernel32Api.ExitThread, (k, t, f) -> StepResult.call(Kernel32Api.ExitThread, NtArgs.of(0, f.calleeStatus)))
            .build();

    static final Routine BaseThreadStartThunk = Subsystems.win32Routine("kernel32!BaseThreadStartThunk")
            .call(BaseThreadStart, (k, t, f) -> StepResult.call(BaseThreadStart, null))
            .build();

    /** TerminateThread: a NULL handle is refused here (ERROR_INVALID_HANDLE); the kernel ends the thread asynchronously. */
    static Routine terminateThread(String symbol, Routine stub) {
        return Win32Api.boolOnHandle(symbol, stub);
    }

    static final Routine TerminateThread = terminateThread("KERNELBASE!TerminateThread", Ntdll.NtTerminateThreadStub);
    static final Routine TerminateThreadClassic = terminateThread("kernel32!TerminateThread", Kernel32Api.NtTerminateThreadStub);

    /** GetExitCodeThread: ThreadBasicInformation's ExitStatus, STILL_ACTIVE (0x103) while the thread runs. */
    static Routine getExitCodeThread(String symbol, Routine stub) {
        return Win32Api.api(symbol, stub, c -> NtArgs.of(c.handle, ThreadInformation.ThreadBasicInformation), Win32Api::exitCode);
    }

    static final Routine GetExitCodeThread = getExitCodeThread("KERNELBASE!GetExitCodeThread", NtQueryInformationThreadStub);
    static final Routine GetExitCodeThreadClassic = getExitCodeThread("kernel32!GetExitCodeThread", NtQueryInformationThreadClassicStub);

    /** GetThreadPriority: the base-priority increment; the saturated +-16 read as TIME_CRITICAL / IDLE. */
    static Routine getThreadPriority(String symbol, Routine stub) {
        return Win32Api.api(symbol, stub, c -> NtArgs.of(c.handle, ThreadInformation.ThreadBasicInformation), (call, a, status, t) -> {
            if (!NtStatus.success(status)) {
                call.returnValue = THREAD_PRIORITY_ERROR_RETURN;
                LastError.BaseSetLastNTError(t, call, status);
                return;
            }
            int increment = (int) a.information;
            int priority = increment == ThreadInformation.SATURATION_INCREMENT ? THREAD_PRIORITY_TIME_CRITICAL
                    : increment == -ThreadInformation.SATURATION_INCREMENT ? THREAD_PRIORITY_IDLE : increment;
            call.returnValue = priority & 0xFFFFFFFFL;
        });
    }

    static final Routine GetThreadPriority = getThreadPriority("KERNELBASE!GetThreadPriority", NtQueryInformationThreadStub);
    static final Routine GetThreadPriorityClassic = getThreadPriority("kernel32!GetThreadPriority", NtQueryInformationThreadClassicStub);

    /** SetThreadPriority: TIME_CRITICAL and IDLE become the saturating +-16; the kernel checks the range. */
    static Routine setThreadPriority(String symbol, Routine stub) {
        return Win32Api.api(symbol, stub, c -> {
            int priority = (int) c.value;
            NtArgs a = NtArgs.of(c.handle, ThreadInformation.ThreadBasePriority);
            a.information = priority == THREAD_PRIORITY_TIME_CRITICAL ? ThreadInformation.SATURATION_INCREMENT
                    : priority == THREAD_PRIORITY_IDLE ? -ThreadInformation.SATURATION_INCREMENT : priority;
            return a;
        }, Win32Api::bool);
    }

    static final Routine SetThreadPriority = setThreadPriority("KERNELBASE!SetThreadPriority", NtSetInformationThreadStub);
    static final Routine SetThreadPriorityClassic = setThreadPriority("kernel32!SetThreadPriority", NtSetInformationThreadClassicStub);

    /** The THREAD_PRIORITY_* names (winbase.h). */
    public static final java.util.Map<String, Integer> PRIORITY_NAMES = java.util.Map.of(
            "THREAD_PRIORITY_IDLE", THREAD_PRIORITY_IDLE,
            "THREAD_PRIORITY_LOWEST", -2,
            "THREAD_PRIORITY_BELOW_NORMAL", -1,
            "THREAD_PRIORITY_NORMAL", 0,
            "THREAD_PRIORITY_ABOVE_NORMAL", 1,
            "THREAD_PRIORITY_HIGHEST", 2,
            "THREAD_PRIORITY_TIME_CRITICAL", THREAD_PRIORITY_TIME_CRITICAL);

    static String priorityName(int value) {
        if (value == (int) THREAD_PRIORITY_ERROR_RETURN) {
            return "0x7fffffff (THREAD_PRIORITY_ERROR_RETURN)";
        }
        for (var e : new java.util.TreeMap<>(PRIORITY_NAMES).entrySet()) {
            if (e.getValue() == value) {
                return value + " (" + e.getKey() + ")";
            }
        }
        return Integer.toString(value);
    }

    /** The routines to publish: both kernels share the kernel services, each has its own user-mode code. */
    static java.util.List<Routine> modern() {
        return java.util.List.of(CreateThread, CreateRemoteThread, CreateRemoteThreadEx, NtCreateThreadExStub,
                TerminateThread, GetExitCodeThread, GetThreadPriority, SetThreadPriority,
                NtQueryInformationThreadStub, NtSetInformationThreadStub);
    }

    static java.util.List<Routine> classic() {
        return java.util.List.of(CreateThreadClassic, CreateRemoteThreadClassic,
                BaseThreadStart, BaseThreadStartThunk, TerminateThreadClassic, GetExitCodeThreadClassic,
                GetThreadPriorityClassic, SetThreadPriorityClassic,
                NtQueryInformationThreadClassicStub, NtSetInformationThreadClassicStub);
    }
}
