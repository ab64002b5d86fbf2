package com.ntprocesslab.kernel.win32;

import com.ntprocesslab.kernel.csr.Subsystems;
import com.ntprocesslab.kernel.exec.Routine;

/**
 * ntdll system-call stubs: ntdll!NtX -> nt!KiSystemServiceCopyEnd -> nt!NtX, so a stack
 * trace crosses the user/kernel boundary where WinDbg shows it. The classic kernel enters
 * through nt!KiFastCallEntry, the SYSENTER handler of Windows XP on x86, which is the frame
 * an XP stack shows between ntdll's stub and the system service.
 */
public final class Syscalls {
    private Syscalls() {
    }

    public static Routine stub(Routine service, int stage) {
        return stub(service, stage, "nt!KiSystemServiceCopyEnd");
    }

    /** An XP system call: ntdll!NtX -> nt!KiFastCallEntry -> nt!NtX. */
    public static Routine classicStub(Routine service, int phase) {
        return stub(service, phase, "nt!KiFastCallEntry");
    }

    /**
     * On x64 Windows 10 every ntdll stub returns from its syscall at +0x14 and every service
     * returns to nt!KiSystemServiceCopyEnd+0x25 (seed 000's k: ntdll!NtCreateUserProcess+0x14,
     * nt!KiSystemServiceCopyEnd+0x25); XP's KiFastCallEntry path keeps the machine's own offsets.
     */
    private static Routine stub(Routine service, int stage, String dispatcher) {
        String name = service.symbol().substring(service.symbol().indexOf('!') + 1);
        boolean x64 = dispatcher.equals("nt!KiSystemServiceCopyEnd");
        Routine.Builder<Subsystems, com.ntprocesslab.kernel.ps.EThread> dispatch = Subsystems.win32Routine(dispatcher).stage(stage).call(service);
        if (x64) {
            dispatch.returnAt(0x25);
        }
        // the service's return to user mode (KiSystemServiceExit, x86 KiServiceExit) delivers a pending user APC
        Routine dispatchRoutine = dispatch.stage(0)
                .inline((k, t, f) -> com.ntprocesslab.kernel.ps.UserApcs.serviceExit(t, f, f.calleeStatus, AlertableWaits.userApcDispatcher(k.profile)))
                .build();
        Routine.Builder<Subsystems, com.ntprocesslab.kernel.ps.EThread> entry = Subsystems.win32Routine("ntdll!" + name).stage(stage).call(dispatchRoutine);
        if (x64) {
            entry.returnAt(0x14);
        }
        return entry.stage(0).returnCalleeStatus().build();
    }
}
