package com.ntprocesslab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.store.machine.CommandLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Any moment of a history, rebuilt from the private replay, is the machine the student had there. */
class ReplayedHistoryTest {

    private static final String NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** The log a student would have written by typing these, with each machine state after it. */
    private record Recorded(List<CommandLogEntry> log, List<String> snapshots, List<Long> positions) {
    }

    private static Recorded typed(List<String> commands) {
        Machine machine = Machine.boot(Profile.MODERN);
        List<CommandLogEntry> log = new ArrayList<>();
        List<String> snapshots = new ArrayList<>(List.of(machine.snapshotJson()));
        List<Long> positions = new ArrayList<>(List.of(machine.position()));
        for (String command : commands) {
            CommandResult result = machine.execute(command);
            assertThat(result.accepted()).as(command + " -> " + result.output()).isTrue();
            log.add(new CommandLogEntry(1L, log.size() + 1, command, result.output(), Machine.KERNEL_VERSION,
                    Instant.parse("2026-12-01T10:00:00Z").plusSeconds(log.size())));
            snapshots.add(machine.snapshotJson());
            positions.add(machine.position());
        }
        return new Recorded(log, snapshots, positions);
    }

    private static List<String> manyCommands(int count) {
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            commands.add(i % 3 == 0 ? NOTEPAD : "!process 0 0");
        }
        return commands;
    }

    @Test
    void everyCommandOfALongHistoryRebuildsTheMachineThatFollowedIt() {
        Recorded recorded = typed(manyCommands(ReplayedHistory.FREEZE_EVERY * 2 + 7));
        ReplayedHistory history = ReplayedHistory.replay(1, Profile.MODERN, BootSeed.DEFAULT, recorded.log(), LIMIT);

        for (int command : List.of(0, 1, ReplayedHistory.FREEZE_EVERY - 1, ReplayedHistory.FREEZE_EVERY, ReplayedHistory.FREEZE_EVERY + 1,
                2 * ReplayedHistory.FREEZE_EVERY + 7)) {
            ReplayedHistory.Moment moment = history.atCommand(command);
            assertThat(moment.snapshotJson()).as("after command " + command).isEqualTo(recorded.snapshots().get(command));
            assertThat(moment.position()).isEqualTo(recorded.positions().get(command));
        }
        assertThat(history.entries().get(9).acceptedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:09Z"));
        assertThat(history.entries().get(9).positionAfter()).isEqualTo(recorded.positions().get(10));
    }

    @Test
    void aHistoryThatTravelledBackShowsTheMachineWhereTheStudentStoodAfterEachCommand() {
        Recorded recorded = typed(List.of(NOTEPAD, NOTEPAD, "!tt 0", "!process 0 0", "!tt present", NOTEPAD));
        ReplayedHistory history = ReplayedHistory.replay(1, Profile.MODERN, BootSeed.DEFAULT, recorded.log(), LIMIT);

        for (int command = 0; command <= 6; command++) {
            assertThat(history.atCommand(command).snapshotJson()).as("after command " + command).isEqualTo(recorded.snapshots().get(command));
        }
    }

    @Test
    void aStepPositionRebuildsTheMachineThereAndNamesTheCommandRunningThen() {
        Recorded recorded = typed(List.of(NOTEPAD, NOTEPAD, NOTEPAD));
        ReplayedHistory history = ReplayedHistory.replay(1, Profile.MODERN, BootSeed.DEFAULT, recorded.log(), LIMIT);
        long afterSecond = recorded.positions().get(2);

        ReplayedHistory.Moment atSecond = history.atPosition(afterSecond);
        ReplayedHistory.Moment midThird = history.atPosition(afterSecond + 5);

        assertThat(atSecond.snapshotJson()).isEqualTo(recorded.snapshots().get(2));
        assertThat(atSecond.command()).isEqualTo(2);
        assertThat(midThird.position()).isEqualTo(afterSecond + 5);
        assertThat(midThird.command()).isEqualTo(3);
        assertThat(history.atPosition(history.presentPosition()).snapshotJson()).isEqualTo(recorded.snapshots().get(3));
        assertThat(history.bootPosition()).isEqualTo(recorded.positions().getFirst()).isGreaterThan(100);
    }

    @Test
    void aMomentOutsideTheHistoryIsRefusedWithItsRange() {
        ReplayedHistory history = ReplayedHistory.replay(1, Profile.MODERN, BootSeed.DEFAULT, typed(List.of(NOTEPAD)).log(), LIMIT);

        assertThatThrownBy(() -> history.atCommand(2)).hasMessage("Command 2 is not in this history: choose 0 to 1.");
        assertThatThrownBy(() -> history.atPosition(history.presentPosition() + 1))
                .hasMessageStartingWith("Step " + (history.presentPosition() + 1) + " is not in this history: choose " + history.bootPosition());
    }
}
