package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.machine.PendingCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * nt!NtCreateProcess, the older service seed 000 lists on Windows 10 and seeds 002/004 show
 * on XP and Windows 2000: its BOOLEAN InheritObjectTable becomes
 * PROCESS_CREATE_FLAGS_INHERIT_HANDLES (4) and NtCreateProcessEx does the rest with job level 0
 * (WRK ps/create.c NtCreateProcess; seed 004's listing), so a missing parent is NtCreateProcessEx's
 * STATUS_INVALID_PARAMETER.
 */
class NtCreateProcessServiceTest {

    private static long flagsSeenByPspCreateProcess(Profile profile, String inherit) {
        Machine machine = LabMachine.boot(profile);
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe NtCreateProcess -1 " + inherit + " 0x4");
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> "nt!PspCreateProcess".equals(at.symbol()));
        assertThat(stop.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        for (Frame f : call.thread().frames) {
            if (f.args instanceof PspCreateParameters c && "nt!NtCreateProcessEx".equals(f.routine.symbol())) {
                assertThat(c.jobMemberLevel).isZero();
                return c.createFlags;
            }
        }
        throw new AssertionError("NtCreateProcessEx is not on the stack");
    }

    @ParameterizedTest
    @CsvSource({"MODERN, TRUE, 4", "MODERN, FALSE, 0", "CLASSIC, TRUE, 4", "CLASSIC, FALSE, 0"})
    void inheritObjectTableBecomesTheInheritHandlesFlag(Profile profile, String inherit, long flags) {
        assertThat(flagsSeenByPspCreateProcess(profile, inherit)).isEqualTo(flags);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void noParentIsNtCreateProcessExsInvalidParameter(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String out = LabMachine.ok(machine, ".call explorer.exe NtCreateProcess 0 FALSE 0x4").output();
        assertThat(out).contains("returned 0xc000000d (STATUS_INVALID_PARAMETER)");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void badArgumentsAreRefusedAndChangeNothing(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String before = LabMachine.ok(machine, "!process 0 0").output();

        var notBool = machine.execute(".call explorer.exe NtCreateProcess -1 maybe 0x4");
        var noSection = machine.execute(".call explorer.exe NtCreateProcess -1 TRUE 0");

        assertThat(notBool.accepted()).isFalse();
        assertThat(notBool.output()).contains("InheritObjectTable is TRUE or FALSE");
        assertThat(noSection.accepted()).isFalse();
        assertThat(noSection.output()).contains("a section handle is required");
        assertThat(LabMachine.ok(machine, "!process 0 0").output()).isEqualTo(before);
    }
}
