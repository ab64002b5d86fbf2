package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.win32.CreateProcessContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.25 (CreateProcessInternalW step 7, audit-20): after LoadLibraryA("advapi32.dll")
 * XP SP3's kernel32 calls GetProcAddress(advapi32, "CreateProcessAsUserSecure") and keeps the
 * address without calling it. GetProcAddress goes through ntdll!LdrGetProcedureAddress, which
 * finds the module among the caller's loaded ones and the name among its exports (ReactOS
 * dll/win32/kernel32/client/loader.c GetProcAddress, dll/ntdll/ldr/ldrapi.c).
 */
class ClassicGetProcAddressTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private long address(String symbol) {
        return Long.parseLong(LabMachine.ok(machine, "x " + symbol).output().split(" ")[0], 16);
    }

    @Test
    void getProcAddressFollowsLoadLibraryAAndTheAddressIsKept() {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> "kernel32!BaseFormatObjectAttributes".equals(at.symbol()));
        machine.engine().setListener(null);
        assertThat(stop.reason()).isEqualTo(Engine.Reason.BREAKPOINT);

        assertThat(symbols).containsSubsequence("kernel32!LoadLibraryA", "kernel32!GetProcAddress", "ntdll!LdrGetProcedureAddress")
                .doesNotContain("advapi32!CreateProcessAsUserSecure");
        CreateProcessContext c = null;
        for (Frame f : call.thread().frames) {
            if (f.args instanceof CreateProcessContext context) {
                c = context;
            }
        }
        assertThat(c.advapi32).isEqualTo(0x77dd0000L);
        assertThat(c.createProcessAsUserSecure).isEqualTo(address("advapi32!CreateProcessAsUserSecure")).isNotZero();
    }

    @Test
    void theLookupSetsNoErrorAndTheCreationSucceeds() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe").output();

        assertThat(out).contains("returned TRUE", "LastError: 0x0 (ERROR_SUCCESS)");
        assertThat(LabMachine.ok(machine, "x advapi32!CreateProcessAsUserSecure").output()).contains("advapi32!CreateProcessAsUserSecure");
    }
}
