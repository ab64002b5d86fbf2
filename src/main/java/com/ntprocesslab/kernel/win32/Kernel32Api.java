package com.ntprocesslab.kernel.win32;

import static com.ntprocesslab.kernel.exec.StepResult.ret;

import com.ntprocesslab.kernel.csr.CsrApiRequests;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.exec.StepResult;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ob.ObServices;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.ps.Termination;
import com.ntprocesslab.kernel.ps.ThreadCreation;

/**
 * The small Win32 APIs as Windows XP has them: exported by kernel32 itself (there is no
 * KERNELBASE) and entering the kernel through nt!KiFastCallEntry. Same services, same
 * results as {@link Win32Api}; only the code path a stack trace shows differs.
 */
public final class Kernel32Api {
    private Kernel32Api() {
    }

    static final Routine NtCloseStub = Syscalls.classicStub(ObServices.NtClose, 0);
    static final Routine NtOpenProcessStub = Syscalls.classicStub(ObServices.NtOpenProcess, 0);
    static final Routine NtWaitForSingleObjectStub = Syscalls.classicStub(ObServices.NtWaitForSingleObject, 0);
    static final Routine NtQueryInformationProcessStub = Syscalls.classicStub(ObServices.NtQueryInformationProcess, 0);
    static final Routine NtCreateEventStub = Syscalls.classicStub(ObServices.NtCreateEvent, 0);
    static final Routine NtSuspendThreadStub = Syscalls.classicStub(ThreadCreation.NtSuspendThread, 0);
    static final Routine NtTerminateThreadStub = Syscalls.classicStub(Termination.NtTerminateThread, 0);

    static final Routine CloseHandle = Win32Api.api("kernel32!CloseHandle", NtCloseStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::bool);

    static final Routine TerminateProcess = Win32Api.terminateProcess("kernel32!TerminateProcess", ClassicNtdll.NtTerminateProcessStub);

    static final Routine ResumeThread = Win32Api.api("kernel32!ResumeThread", ClassicNtdll.NtResumeThreadStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::count);

    static final Routine SuspendThread = Win32Api.api("kernel32!SuspendThread", NtSuspendThreadStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::count);

    static final Routine OpenProcess = Win32Api.api("kernel32!OpenProcess", NtOpenProcessStub,
            Win32Api::openProcessArgs, Win32Api::handle);

    static final Routine WaitForSingleObject = Win32Api.api("kernel32!WaitForSingleObject", NtWaitForSingleObjectStub,
            c -> NtArgs.of(c.handle, c.timeout), Win32Api::waitResult);

    static final Routine GetExitCodeProcess = Win32Api.api("kernel32!GetExitCodeProcess", NtQueryInformationProcessStub,
            c -> NtArgs.of(c.handle, 0), Win32Api::exitCode);

    static final Routine CreateEventW = Win32Api.api("kernel32!CreateEventW", NtCreateEventStub,
            c -> NtArgs.of(0, 0), Win32Api::handle);

    static final Routine GetLastError = Win32Api.getLastError("kernel32!GetLastError");

    static final Routine KiUserExceptionDispatcher = Ntdll.kiUserExceptionDispatcher("kernel32!UnhandledExceptionFilter",
            ClassicNtdll.NtTerminateProcessStub);

    /** The exit code: from the console's or a script's call, or from kernel32's own callers. */
    private static long exitCode(com.ntprocesslab.kernel.exec.Frame f) {
        return f.args instanceof ApiCall call ? call.value : f.args(NtArgs.class).value;
    }

    /**
     * XP's ExitProcess (ReactOS kernel32/client/proc.c): the process's other threads end first
     * (NtTerminateProcess with no handle), the DLLs get DLL_PROCESS_DETACH, csrss is told
     * (BasepExitProcess, answered once BASESRV has destroyed the CSR_PROCESS), then the calling
     * thread ends the process.
     */
    static final Routine ExitProcess = Subsystems.win32Routine("kernel32!ExitProcess")
            .call(ClassicNtdll.NtTerminateProcessStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtTerminateProcessStub,
                    NtArgs.of(0, exitCode(f))))
            .call(Ntdll.LdrShutdownProcess, (k, t, f) -> StepResult.call(Ntdll.LdrShutdownProcess, new LoaderState()))
            .call(ClassicNtdll.CsrClientCallServer, (k, t, f) -> StepResult.call(ClassicNtdll.CsrClientCallServer,
                    new CsrApiRequests.ExitProcessMessage(exitCode(f))))
            .call(ClassicNtdll.NtTerminateProcessStub, (k, t, f) -> StepResult.call(ClassicNtdll.NtTerminateProcessStub,
                    NtArgs.of(-1, exitCode(f))))
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();

    /** XP's ExitThread: the last thread of a process exits the whole process. */
    static final Routine ExitThread = Subsystems.win32Routine("kernel32!ExitThread")
            .inline((k, t, f) -> t.process.activeThreads <= 1
                    ? StepResult.call(ExitProcess, NtArgs.of(0, exitCode(f)))
                    : StepResult.call(NtTerminateThreadStub, NtArgs.of(0, exitCode(f))))
            .inline((k, t, f) -> ret(NtStatus.STATUS_SUCCESS))
            .build();
}
