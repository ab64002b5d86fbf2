package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random (seeded) debugging sessions mixing breakpoints, stepping, time travel and API
 * calls: rejections change nothing, invariants hold, and replaying the accepted commands on
 * a fresh machine gives the same answers and the same machine, travels included.
 */
class DebuggerFuzzTest {
    private static final List<String> COMMANDS = List.of(
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe",
            ".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe CREATE_SUSPENDED",
            ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe",
            ".call explorer.exe ResumeThread 0x10", ".call explorer.exe TerminateProcess 0xc 1",
            ".call explorer.exe CloseHandle 0xc", ".call explorer.exe CloseHandle 0x10", ".fail peb",
            "bp nt!PspAllocateProcess", "bp nt!PspInsertThread", "bu ntdll!LdrInitializeThunk", "bm nt!Mm*", "bc *", "bd 0", "be 0",
            "g", "g", "t", "t", "t", "p", "p", "gu", "t-", "t-", "p-", "g-",
            "!tt present", "k", "!thread", "!process 0 7", "!handle", "!peb", "!teb", "!vad", "bl", ".thread", "!csrss");

    @ParameterizedTest
    @EnumSource(Profile.class)
    void randomSessionsReplayToTheSameMachine(Profile profile) {
        for (int seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            Machine machine = Machine.boot(profile);
            long origin = machine.position();
            List<String> accepted = new ArrayList<>();
            List<CommandResult> answers = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String command = random.nextInt(12) == 0
                        ? "!tt " + (origin + random.nextInt((int) (machine.position() - origin + 2)))
                        : COMMANDS.get(random.nextInt(COMMANDS.size()));
                String before = machine.snapshotJson();
                CommandResult result = machine.execute(command);
                if (result.accepted()) {
                    accepted.add(command);
                    answers.add(result);
                } else {
                    assertThat(machine.snapshotJson()).as("seed %d command %d: %s", seed, i, command).isEqualTo(before);
                }
                assertThat(machine.checkInvariants()).as("seed %d command %d: %s -> %s", seed, i, command, result.output()).isEmpty();
            }

            Machine replayed = Machine.boot(profile);
            for (int i = 0; i < accepted.size(); i++) {
                assertThat(replayed.execute(accepted.get(i))).as("seed %d replaying %s", seed, accepted.get(i)).isEqualTo(answers.get(i));
            }
            assertThat(replayed.snapshotJson()).isEqualTo(machine.snapshotJson());
        }
    }
}
