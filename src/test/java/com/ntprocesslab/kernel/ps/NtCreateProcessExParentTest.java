package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NtCreateProcessEx without a parent process is STATUS_INVALID_PARAMETER before any handle is
 * looked at, on both kernels: WRK ps/create.c and ReactOS ntoskrnl/ps/process.c
 * (NtCreateProcessEx: ARGUMENT_PRESENT(ParentProcess) or STATUS_INVALID_PARAMETER); seed 003
 * (XP SP3: "checks that the parent exists, else an invalid-parameter error") and seed 004
 * (the WRK listing). Handle 0x4 is no section in explorer's table, so a status other than
 * 0xc000000d would mean the section was looked at first.
 */
class NtCreateProcessExParentTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void noParentIsInvalidParameterAndChangesNothing(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        int handles = explorer.objectTable.handleCount();
        String before = LabMachine.ok(machine, "!process 0 0").output();

        String out = LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx 0 0 0x4").output();

        assertThat(out).contains("returned 0xc000000d (STATUS_INVALID_PARAMETER)");
        assertThat(explorer.objectTable.handleCount()).isEqualTo(handles);
        assertThat(LabMachine.ok(machine, "!process 0 0").output()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void withAParentTheSectionIsCheckedNext(Profile profile) {
        Machine machine = LabMachine.boot(profile);

        String out = LabMachine.ok(machine, ".call explorer.exe NtCreateProcessEx -1 0 0x4").output();

        assertThat(out).doesNotContain("STATUS_SUCCESS").doesNotContain("0xc000000d");
    }
}
