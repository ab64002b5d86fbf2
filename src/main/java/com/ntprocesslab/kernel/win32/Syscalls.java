package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.csr.FastSystemCall;
import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.ps.UserApcs;

/**
 * ntdll system-call stubs, so a stack trace crosses the user/kernel boundary where WinDbg
 * shows it: on Windows 10 x64 ntdll!NtX -> nt!KiSystemServiceCopyEnd -> nt!NtX; on XP SP3 x86
 * ntdll!NtX -> ntdll!KiFastSystemCall -> nt!KiFastCallEntry (the SYSENTER handler) -> nt!NtX,
 * returning through ntdll!KiFastSystemCallRet ({@link FastSystemCall}).
 */
public final class Syscalls {
    private Syscalls() {
    }

    /**
     * On x64 Windows 10 every ntdll stub returns from its syscall at +0x14 and every service
     * returns to nt!KiSystemServiceCopyEnd+0x25 (seed 000's k: ntdll!NtCreateUserProcess+0x14,
     * nt!KiSystemServiceCopyEnd+0x25).
     */
    public static Routine stub(Routine service, int stage) {
        Routine dispatch = dispatch("nt!KiSystemServiceCopyEnd", 0x25, service, stage);
        return Subsystems.win32Routine(ntdllName(service)).stage(stage).call(dispatch).returnAt(0x14)
                .stage(0).returnCalleeStatus().build();
    }

    /** An XP system call: ntdll!NtX -> ntdll!KiFastSystemCall -> nt!KiFastCallEntry+0xf8 -> nt!NtX. */
    public static Routine classicStub(Routine service, int phase) {
        return FastSystemCall.stub(ntdllName(service), dispatch("nt!KiFastCallEntry", FastSystemCall.KI_FAST_CALL_ENTRY_RETURN, service, phase), phase);
    }

    private static String ntdllName(Routine service) {
        return "ntdll!" + service.symbol().substring(service.symbol().indexOf('!') + 1);
    }

    /** The kernel's entry from a stub: it calls the service, and the return to user mode delivers a pending user APC. */
    private static Routine dispatch(String entry, int serviceReturn, Routine service, int stage) {
        return Subsystems.win32Routine(entry).stage(stage).call(service).returnAt(serviceReturn)
                // KiSystemServiceExit (x86 KiServiceExit) delivers a pending user APC on the way out
                .stage(0).inline((k, t, f) -> UserApcs.serviceExit(t, f, f.calleeStatus, AlertableWaits.userApcDispatcher(k.profile)))
                .build();
    }
}
