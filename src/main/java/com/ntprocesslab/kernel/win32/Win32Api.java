package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.next;
import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObServices;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.ThreadCreation;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The small Win32 APIs: each is KERNELBASE!X -> ntdll!NtY -> nt!NtY, then the Win32 result
 * (BOOL, HANDLE, DWORD) and SetLastError on failure, as kernelbase does.
 */
public final class Win32Api {
    private Win32Api() {
    }

    static final Routine NtCloseStub = Syscalls.stub(ObServices.NtClose, 0);
    static final Routine NtOpenProcessStub = Syscalls.stub(ObServices.NtOpenProcess, 0);
    static final Routine NtWaitForSingleObjectStub = Syscalls.stub(ObServices.NtWaitForSingleObject, 0);
    static final Routine NtQueryInformationProcessStub = Syscalls.stub(ObServices.NtQueryInformationProcess, 0);
    static final Routine NtCreateEventStub = Syscalls.stub(ObServices.NtCreateEvent, 0);
    static final Routine NtCreateTokenStub = Syscalls.stub(ObServices.NtCreateToken, 0);
    static final Routine NtSuspendThreadStub = Syscalls.stub(ThreadCreation.NtSuspendThread, 0);
    static final Routine NtLoadDriverStub = Syscalls.stub(com.ntprocesslab.kernel.io.DriverLoading.NtLoadDriver, 0);
    static final Routine NtResumeThreadStub = KernelBase.NtResumeThreadStub;

    /** Sets the Win32 result of a finished native call. */
    @FunctionalInterface
    interface Result {
        void apply(ApiCall call, NtArgs args, long status, EThread thread);
    }

    static Routine api(String symbol, Routine stub, Function<ApiCall, NtArgs> build, Result result) {
        return threadApi(symbol, stub, (call, t) -> build.apply(call), result);
    }

    /** An API whose system-call arguments come from the calling thread too (e.g. its TEB's debug object). */
    static Routine threadApi(String symbol, Routine stub, BiFunction<ApiCall, EThread, NtArgs> build, Result result) {
        return Subsystems.win32Routine(symbol)
                .call(stub, (k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.nt = build.apply(call, t);
                    return StepResult.call(stub, call.nt);
                })
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.status = f.calleeStatus;
                    result.apply(call, call.nt, f.calleeStatus, t);
                    call.nt = null;
                    return ret(f.calleeStatus);
                })
                .build();
    }

    static void bool(ApiCall call, NtArgs a, long status, EThread t) {
        call.returnValue = NtStatus.success(status) ? 1 : 0;
        if (!NtStatus.success(status)) {
            LastError.BaseSetLastNTError(t, call, status);
        }
    }

    static void handle(ApiCall call, NtArgs a, long status, EThread t) {
        call.returnValue = NtStatus.success(status) ? a.out : 0;
        if (!NtStatus.success(status)) {
            LastError.BaseSetLastNTError(t, call, status);
        }
    }

    static void count(ApiCall call, NtArgs a, long status, EThread t) {
        call.returnValue = NtStatus.success(status) ? a.out : 0xFFFFFFFFL;
        if (!NtStatus.success(status)) {
            LastError.BaseSetLastNTError(t, call, status);
        }
    }

    static final Routine CloseHandle = api("KERNELBASE!CloseHandle", NtCloseStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::bool);

    static final Routine TerminateProcess = terminateProcess("KERNELBASE!TerminateProcess", Ntdll.NtTerminateProcessStub);

    static Routine terminateProcess(String symbol, Routine stub) {
        return boolOnHandle(symbol, stub);
    }

    /**
     * A BOOL API on (handle, value), such as TerminateProcess and TerminateThread: a NULL handle
     * would mean "my own process / other threads" to the native service, so it is refused here.
     */
    static Routine boolOnHandle(String symbol, Routine stub) {
        return Subsystems.win32Routine(symbol)
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    if (call.handle == 0) {
                        LastError.BaseSetLastNTError(t, call, NtStatus.STATUS_INVALID_HANDLE);
                        call.returnValue = 0;
                        return ret(NtStatus.STATUS_INVALID_HANDLE);
                    }
                    return next();
                })
                .call(stub, (k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    return StepResult.call(stub, NtArgs.of(call.handle, call.value));
                })
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.status = f.calleeStatus;
                    bool(call, null, f.calleeStatus, t);
                    return ret(f.calleeStatus);
                })
                .build();
    }

    static final Routine ResumeThread = api("KERNELBASE!ResumeThread", NtResumeThreadStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::count);

    static final Routine SuspendThread = api("KERNELBASE!SuspendThread", NtSuspendThreadStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::count);

    static final Routine OpenProcess = api("KERNELBASE!OpenProcess", NtOpenProcessStub,
            Win32Api::openProcessArgs, Win32Api::handle);

    /** OpenProcess(dwDesiredAccess, bInheritHandle, dwProcessId): NtOpenProcess by CLIENT_ID. */
    static NtArgs openProcessArgs(ApiCall c) {
        NtArgs a = NtArgs.of(0, c.pid);
        a.access = c.value;
        a.attributes = c.inherit ? ObServices.OBJ_INHERIT : 0;
        return a;
    }

    static final Routine WaitForSingleObject = api("KERNELBASE!WaitForSingleObject", NtWaitForSingleObjectStub,
            c -> NtArgs.of(c.handle, c.timeout), Win32Api::waitResult);

    static void waitResult(ApiCall call, NtArgs a, long status, EThread t) {
        if (status == NtStatus.STATUS_WAIT_0 || status == NtStatus.STATUS_TIMEOUT || status == NtStatus.STATUS_USER_APC) {
            // a success status is the wait's result as it is: STATUS_USER_APC is WAIT_IO_COMPLETION
            call.returnValue = status == NtStatus.STATUS_WAIT_0 ? ApiCall.WAIT_OBJECT_0
                    : status == NtStatus.STATUS_TIMEOUT ? ApiCall.WAIT_TIMEOUT : ApiCall.WAIT_IO_COMPLETION;
        } else {
            call.returnValue = 0xFFFFFFFFL;
            LastError.BaseSetLastNTError(t, call, status);
        }
    }

    static final Routine GetExitCodeProcess = api("KERNELBASE!GetExitCodeProcess", NtQueryInformationProcessStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::exitCode);

    static void exitCode(ApiCall call, NtArgs a, long status, EThread t) {
        bool(call, a, status, t);
        call.value = NtStatus.success(status) ? a.out : 0;
    }

    static final Routine CreateEventW = api("KERNELBASE!CreateEventW", NtCreateEventStub,
            c -> NtArgs.of(0, 0), Win32Api::handle);

    static final Routine LogonUserW = api("ADVAPI32!LogonUserW", NtCreateTokenStub,
            c -> NtArgs.forUser(c.user), Win32Api::handle);

    static final Routine ExitProcess = Subsystems.win32Routine("KERNEL32!ExitProcess")
            .call(Ntdll.RtlExitUserProcess, (k, t, f) -> StepResult.call(Ntdll.RtlExitUserProcess, NtArgs.of(0, f.args(ApiCall.class).value)))
            .returnCalleeStatus()
            .build();

    static final Routine ExitThread = Subsystems.win32Routine("KERNEL32!ExitThread")
            .call(Ntdll.RtlExitUserThread, (k, t, f) -> StepResult.call(Ntdll.RtlExitUserThread, NtArgs.of(0, f.args(ApiCall.class).value)))
            .returnCalleeStatus()
            .build();

    static final Routine GetLastError = getLastError("KERNELBASE!GetLastError");

    /** GetLastError reads the TEB's LastErrorValue; no system call. */
    static Routine getLastError(String symbol) {
        return Subsystems.win32Routine(symbol)
                .inline((k, t, f) -> {
                    ApiCall call = f.args(ApiCall.class);
                    call.returnValue = t.teb == null ? 0 : t.teb.lastErrorValue;
                    return ret(NtStatus.STATUS_SUCCESS);
                })
                .build();
    }

    /** Native forms used by smss and csrss, which do not load kernel32. */
    static final Routine NtCloseNative = api("ntdll!ZwClose", NtCloseStub,
            c -> NtArgs.of(c.handle, 0), (call, a, status, t) -> call.returnValue = status);
    static final Routine NtWaitNative = api("ntdll!ZwWaitForSingleObject", NtWaitForSingleObjectStub,
            c -> NtArgs.of(c.handle, c.timeout), (call, a, status, t) -> call.returnValue = status);
    /** What the service control manager calls to start a kernel driver: the service key's name. */
    static final Routine NtLoadDriverNative = api("ntdll!ZwLoadDriver", NtLoadDriverStub, c -> {
        NtArgs a = NtArgs.of(0, 0);
        a.name = c.path;
        return a;
    }, (call, a, status, t) -> call.returnValue = status);
    static final Routine NtCreateEventNative = api("ntdll!ZwCreateEvent", NtCreateEventStub,
            c -> NtArgs.of(0, 0), (call, a, status, t) -> call.returnValue = NtStatus.success(status) ? a.out : 0);

    public static final Routine RtlCreateUserProcessEntry = Subsystems.win32Routine("ntdll!RtlCreateUserProcessEx")
            .call(KernelBase.RtlCreateUserProcess, (k, t, f) -> StepResult.call(KernelBase.RtlCreateUserProcess,
                    KernelBase.nativeCreation(f.args(ApiCall.class))))
            .returnCalleeStatus()
            .build();
}
