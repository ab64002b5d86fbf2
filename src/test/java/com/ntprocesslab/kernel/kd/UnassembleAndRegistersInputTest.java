package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * u and r with what a student may type: a symbol with an offset unassembles from the step there
 * ("u (Unassemble)" takes any address expression), anything that names no code is refused with a
 * message and changes nothing, and r at an x86 breakpoint shows eip and esp (frame 00's ChildEBP).
 */
class UnassembleAndRegistersInputTest {
    private static final String[] NOT_CODE = {"nt!PspAllocateProcess+", "nt!+0x5", "nt!Foo+zz", "nt!Psp*", "nt!", "!", "*",
        "explorer.exe", "$bogus", "-1", "0x", "99999999999999999999", "x".repeat(5000), "\u202e"};

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aSymbolPlusAnOffsetUnassemblesFromTheStepThere(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String routine = profile == Profile.CLASSIC ? "nt!PspCreateProcess" : "nt!PspAllocateProcess";
        String second = LabMachine.ok(machine, "u " + routine).output().lines().filter(l -> l.startsWith(routine + "+")).findFirst().orElseThrow();
        String offset = second.substring(routine.length() + 1, second.length() - 1);

        CommandResult u = LabMachine.ok(machine, "u " + routine + "+" + offset);

        assertThat(u.output()).startsWith(second + "\n");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void whatNamesNoCodeIsRefusedAndChangesNothing(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String before = machine.execute(".dump").output();
        for (String word : NOT_CODE) {
            for (String command : new String[] {"u ", "uf "}) {
                CommandResult r = machine.execute(command + word);
                assertThat(r.accepted()).as(command + word).isFalse();
                assertThat(r.output()).as(command + word).startsWith("Couldn't resolve error at '");
            }
        }
        assertThat(machine.execute(".dump").output()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void rAtABreakpointShowsTheInstructionAndStackPointers(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String routine = profile == Profile.CLASSIC ? "nt!PspCreateProcess" : "nt!PspAllocateProcess";
        LabMachine.ok(machine, "bp " + routine);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        String childSp = LabMachine.ok(machine, "k").output().lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[1].replace("`", "");

        String r = LabMachine.ok(machine, "r").output();

        assertThat(r).startsWith(profile == Profile.CLASSIC ? "eip=" : "rip=").contains((profile == Profile.CLASSIC ? "esp=" : "rsp=") + childSp);
    }
}
