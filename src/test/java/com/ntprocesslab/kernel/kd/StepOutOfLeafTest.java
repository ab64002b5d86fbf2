package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * gu at the entry of a function the machine runs as one step (shown "(inline code)") stops in the
 * immediate caller just after the call ("gu (Go Up)"): the caller's next step, never past the
 * caller's own return.
 */
class StepOutOfLeafTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void guFromALeafEntryStopsInTheCallerJustAfterTheCall(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String caller = profile == Profile.CLASSIC ? "nt!PspCreateProcess" : "nt!PspAllocateProcess";
        LabMachine.ok(machine, "bp nt!MmCreateProcessAddressSpace");
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output())
                .contains("nt!MmCreateProcessAddressSpace:\n").contains("(inline code)");
        String returnSite = LabMachine.ok(machine, "k").output().lines().skip(2).findFirst().orElseThrow();
        String expected = returnSite.substring(returnSite.lastIndexOf(' ') + 1);
        assertThat(expected).startsWith(caller + "+0x");
        long before = machine.position();

        String gu = LabMachine.ok(machine, "gu").output();

        assertThat(gu).startsWith(expected + ":\n");
        assertThat(machine.position()).isEqualTo(before + 1);
    }
}
