package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/**
 * !thread's "Attached Process" line follows KTHREAD.ApcState.Process: while XP's MmCreatePeb has
 * the creating thread attached (KeAttachProcess, WRK mm/procsup.c) it names the new process, as
 * dt nt!_KTHREAD does; before and after, N/A ("!thread" in Microsoft's debugger reference).
 */
class ThreadAttachViewTest {

    @Test
    void whileMmCreatePebIsAttachedThreadNamesTheNewProcessAndNAOtherwise() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(machine, "bp nt!MmCreatePeb");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        assertThat(LabMachine.ok(machine, "!thread").output()).contains("Attached Process          N/A            Image:         N/A");
        String shown = "";
        for (int i = 0; i < 20 && !shown.startsWith("nt!MmCreatePeb+"); i++) {
            shown = LabMachine.ok(machine, "t").output();
        }

        String thread = LabMachine.ok(machine, "!thread").output();
        String kthread = LabMachine.ok(machine, "dt nt!_KTHREAD $thread").output();

        assertThat(kthread).contains("(notepad.exe)").contains("0x1 (attached)");
        String attached = kthread.lines().filter(l -> l.contains("ApcState.Process")).findFirst().orElseThrow();
        String address = attached.substring(attached.indexOf(": 0x") + 4, attached.indexOf(" _KPROCESS"));
        assertThat(thread).contains("Attached Process          " + address + "       Image:         notepad.exe");
    }
}
