package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 phase 5 / issue 16: the KTRAP_FRAME KiInitializeContextThread builds for a new XP
 * thread (ntdiff WinXP_SP3 _KTRAP_FRAME offsets) holds the user CONTEXT: Eip (+0x68) the start
 * thunk ETHREAD.StartAddress names, Eax (+0x44) the entry point (Win32StartAddress), and the
 * ring-3 selectors; once the thread has run in user mode those two are no longer what it started with.
 */
class TrapFrameViewTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private String field(String type, String name) {
        String line = LabMachine.ok(machine, "dt nt!" + type + " $thread").output().lines()
                .filter(l -> l.contains(" " + name + " ")).findFirst().orElseThrow();
        return line.substring(line.indexOf(": 0x") + 4, line.indexOf(": 0x") + 12);
    }

    private String dword(long address) {
        return LabMachine.ok(machine, "dd " + Long.toHexString(address) + " L1").output().substring(10).trim();
    }

    @Test
    void atKiThreadStartupTheTrapFrameHoldsTheUserContextAndTheRing3Selectors() {
        LabMachine.ok(machine, "bp nt!KiThreadStartup");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint 0 hit");
        long trap = Long.parseLong(field("_KTHREAD", "TrapFrame"), 16);

        assertThat(dword(trap + 0x68)).isEqualTo(field("_ETHREAD", "StartAddress"));
        assertThat(dword(trap + 0x44)).isEqualTo(field("_ETHREAD", "Win32StartAddress"));
        assertThat(dword(trap + 0x6c)).isEqualTo("0000001b");
        assertThat(dword(trap + 0x50)).isEqualTo("0000003b");
        assertThat(dword(trap + 0x38)).isEqualTo("00000023");
        assertThat(dword(trap + 0x78)).isEqualTo("00000023");

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "bp kernel32!BaseProcessStart");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint 0 hit");
        assertThat(dword(trap + 0x68)).isEqualTo("????????");
        assertThat(dword(trap + 0x6c)).isEqualTo("0000001b");
    }
}
