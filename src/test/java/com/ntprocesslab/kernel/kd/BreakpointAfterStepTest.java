package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A step that stops on a call site (caller+offset, "call nt!X") has not shown a breakpoint on X,
 * so g is not leaving one: it makes the call and the breakpoint on X hits, as in WinDbg, where
 * the breakpoint sits on X's first instruction and the call instruction is another address
 * ("bp, bu, bm (Set Breakpoint)"). Only a breakpoint the debugger shows the thread on is left.
 */
class BreakpointAfterStepTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void gFromACallSiteAStepStoppedOnHitsTheBreakpointOfTheFunctionItCalls(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String allocate = profile == Profile.CLASSIC ? "nt!PspCreateProcess" : "nt!PspAllocateProcess";
        LabMachine.ok(machine, "bp " + allocate);
        LabMachine.ok(machine, "bp nt!MmCreateProcessAddressSpace");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        String shown = "";
        for (int i = 0; i < 40 && !shown.contains("call    nt!MmCreateProcessAddressSpace"); i++) {
            shown = LabMachine.ok(machine, "t").output();
        }
        assertThat(shown).as("t reaches the call site").contains("call    nt!MmCreateProcessAddressSpace").doesNotContain("Breakpoint");

        CommandResult g = LabMachine.ok(machine, "g");

        assertThat(g.output()).startsWith("Breakpoint 1 hit\nnt!MmCreateProcessAddressSpace:");
        assertThat(LabMachine.ok(machine, "k").output().lines().skip(1).findFirst().orElseThrow()).endsWith(" nt!MmCreateProcessAddressSpace");
        // standing on the breakpoint it showed, g leaves it
        assertThat(LabMachine.ok(machine, "g").output()).doesNotContain("Breakpoint 1 hit");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void gFromTheBreakpointItShowsLeavesIt(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, "bp nt!MmCreateProcessAddressSpace");
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output())
                .startsWith("Breakpoint 0 hit");
        long before = machine.position();

        CommandResult g = LabMachine.ok(machine, "g");

        assertThat(machine.position()).isGreaterThan(before);
        assertThat(g.output()).doesNotContain("Breakpoint 0 hit").contains("returned TRUE");
    }
}
