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

    private static Routine stub(Routine service, int stage, String dispatcher) {
        String name = service.symbol().substring(service.symbol().indexOf('!') + 1);
        Routine dispatch = Subsystems.win32Routine(dispatcher).stage(stage)
                .tailCall(service)
                .build();
        return Subsystems.win32Routine("ntdll!" + name).stage(stage)
                .tailCall(dispatch)
                .build();
    }
}
