package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 (WRK ps/create.c, PspCreateProcess after KeQuerySystemTime): a creator that has a TEB
 * gets the new process's PEB address in its NtTib.ArbitraryUserPointer (+0x014 on x86,
 * ntdiff WinXP_SP3 _NT_TIB), and dt nt!_TEB shows it; a failed creation leaves it alone.
 */
class ClassicArbitraryUserPointerTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private EThread explorerThread() {
        return LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
    }

    @Test
    void theCreatorsTebHoldsTheNewPebAfterPspCreateProcess() {
        assertThat(explorerThread().teb.arbitraryUserPointer).isZero();

        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe").output()).contains("returned TRUE");

        long peb = LabMachine.process(machine, "notepad.exe").peb.address;
        assertThat(explorerThread().teb.arbitraryUserPointer).isEqualTo(peb);
        LabMachine.ok(machine, ".thread " + Long.toHexString(explorerThread().address));
        assertThat(LabMachine.ok(machine, "dt nt!_TEB " + Long.toHexString(explorerThread().teb.address)).output())
                .contains("+0x014 NtTib.ArbitraryUserPointer : 0x" + String.format("%08x", peb) + " Void");
    }

    @Test
    void aCreationThatFailsBeforeThePebLeavesItAlone() {
        LabMachine.ok(machine, ".fail process");

        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");

        assertThat(explorerThread().teb.arbitraryUserPointer).isZero();
    }
}
