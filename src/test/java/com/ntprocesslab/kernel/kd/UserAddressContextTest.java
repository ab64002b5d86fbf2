package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.api.Test;

/** PEB and TEB addresses are read in the current process context, as WinDbg does after .process /p /r. */
class UserAddressContextTest {

    @Test
    void onXpThePebAndFirstTebAtTheSharedAddressesAreTheContextProcesses() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        EProcess explorer = LabMachine.process(m, "explorer.exe");
        EThread first = explorer.threadListHead.owners().getFirst();
        assertThat(explorer.peb.address).isEqualTo(0x7ffdf000L);
        assertThat(first.teb.address).isEqualTo(0x7ffde000L);
        LabMachine.ok(m, ".process " + Long.toHexString(explorer.address));
        assertThat(LabMachine.ok(m, "!peb 7ffdf000").output()).contains("explorer.exe").doesNotContain("smss.exe");
        assertThat(LabMachine.ok(m, "dt nt!_PEB 7ffdf000").output()).contains("explorer.exe");
        String cid = String.format("%04x.%04x", explorer.uniqueProcessId, first.uniqueThread);
        assertThat(LabMachine.ok(m, "dt nt!_TEB 7ffde000").output()).contains(cid);
        assertThat(LabMachine.ok(m, "!teb 7ffde000").output()).contains("TEB at 7ffde000");

        EProcess smss = LabMachine.process(m, "smss.exe");
        LabMachine.ok(m, ".process " + Long.toHexString(smss.address));
        assertThat(LabMachine.ok(m, "!peb 7ffdf000").output()).contains("smss.exe").doesNotContain("explorer.exe");
    }

    @Test
    void withoutAContextProcessThatHasOneTheSharedAddressIsAmbiguous() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        EProcess system = LabMachine.process(m, "System");
        LabMachine.ok(m, ".process " + Long.toHexString(system.address));
        var r = m.execute("!peb 7ffdf000");
        assertThat(r.accepted()).isFalse();
        assertThat(r.output()).contains("the context process has no PEB there", ".process");
    }

    @Test
    void onTheModernProfileAnotherProcesssUniquePebStillResolves() {
        Machine m = LabMachine.boot();
        EProcess explorer = LabMachine.process(m, "explorer.exe");
        EProcess smss = LabMachine.process(m, "smss.exe");
        LabMachine.ok(m, ".process " + Long.toHexString(smss.address));
        assertThat(LabMachine.ok(m, "!peb " + Long.toHexString(explorer.peb.address)).output()).contains("explorer.exe");
        LabMachine.ok(m, ".process " + Long.toHexString(explorer.address));
        assertThat(LabMachine.ok(m, "dt nt!_PEB " + Long.toHexString(explorer.peb.address)).output()).contains("explorer.exe");
    }
}
