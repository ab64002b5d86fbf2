package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** k, kn, kb and kv take a frame count in the default radix ("k (Display Stack Backtrace)": k [FrameCount]). */
class StackFrameCountTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aFrameCountShowsTheHeaderAndThatManyInnermostFrames(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, "bp nt!MmCreateProcessAddressSpace");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        String all = LabMachine.ok(machine, "k").output();
        String allKb = LabMachine.ok(machine, "kb").output();

        assertThat(LabMachine.ok(machine, "k 3").output()).isEqualTo(String.join("\n", all.lines().limit(4).toList()));
        assertThat(LabMachine.ok(machine, "kb 2").output()).isEqualTo(String.join("\n", allKb.lines().limit(3).toList()));
        // 0x10 frames asked for, radix 16; fewer there: all of them
        assertThat(LabMachine.ok(machine, "kn 0n100").output()).isEqualTo(all);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aCountThatIsNoneIsRefusedAndChangesNothing(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String before = machine.execute(".dump").output();
        for (String bad : new String[] {"k 0", "k zz", "kb 10000", "kv 3 4", "kn -1"}) {
            CommandResult r = machine.execute(bad);
            assertThat(r.accepted()).as(bad).isFalse();
            assertThat(r.output()).as(bad).contains("takes a frame count from 1 to ffff");
        }
        assertThat(machine.execute(".dump").output()).isEqualTo(before);
    }
}
