package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * XP's KPCR at 0xFFDFF000 (ntdiff/headers WinXP_SP3 x86 _KPCR/_KPRCB): fs:124h is the current
 * KTHREAD seed 003's PspCreateProcess reads its PreviousMode through, fs:994h the
 * DpcRoutineActive KeAttachProcess checks; SelfPcr, Prcb and Irql read as on a real XP machine.
 */
class ProcessorControlRegionTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private String dword(String address) {
        return LabMachine.ok(machine, "dd " + address + " L1").output().substring(10).trim();
    }

    private String runningThread() {
        String thread = LabMachine.ok(machine, "!thread").output();
        return thread.substring("THREAD ".length(), "THREAD ".length() + 8);
    }

    @Test
    void fs124IsTheThreadThatRunsAndTheRegionPointsAtItself() {
        LabMachine.ok(machine, "bp nt!PspCreateProcess");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");

        assertThat(dword("ffdff124")).isEqualTo(runningThread());
        assertThat(dword("ffdff01c")).isEqualTo("ffdff000");
        assertThat(dword("ffdff020")).isEqualTo("ffdff120");
        assertThat(dword("ffdff994")).isEqualTo("00000000");
        assertThat(dword("ffdff024")).isEqualTo("00000000");
        assertThat(dword("ffdff000")).isEqualTo("????????");
    }

    @Test
    void atKiThreadStartupTheNewThreadIsCurrentAtDispatchLevel() {
        LabMachine.ok(machine, "bp nt!KiThreadStartup");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint 0 hit");

        assertThat(dword("ffdff124")).isEqualTo(runningThread());
        assertThat(dword("ffdff024")).isEqualTo("00000002");
    }

    @Test
    void theWindows10MachineHasNoRegionThere() {
        Machine modern = LabMachine.boot(Profile.MODERN);

        assertThat(LabMachine.ok(modern, "dd ffdff124 L1").output()).contains("????????");
    }
}
