package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.session.CheckpointCopier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints bound the cost of travel: whatever the history's length, reaching a position
 * replays at most {@link Checkpoints#SPACING} steps plus the command running there, and
 * lands on exactly the machine a replay from boot gives.
 */
class CheckpointTravelTest {
    private static final String SPINNER = ".call explorer.exe CreateProcessW C:\\Tools\\spinner.exe";
    private static final int GS = 30;
    private long stepsRun;

    private Machine spunMachine(boolean checkpoints) {
        Machine machine = Machine.boot(Profile.MODERN, event -> stepsRun++);
        if (checkpoints) {
            machine.keepCheckpoints(new CheckpointCopier());
        }
        LabMachine.ok(machine, SPINNER);
        for (int i = 0; i < GS; i++) {
            LabMachine.ok(machine, "g");
        }
        return machine;
    }

    @Test
    void aTravelReplaysABoundedNumberOfStepsAndLandsOnTheSameMachineAsAReplayFromBoot() {
        Machine bounded = spunMachine(true);
        Machine fromBoot = spunMachine(false);
        assertThat(bounded.debugger().checkpoints().count()).isGreaterThanOrEqualTo(GS * (int) Execution.GO_BUDGET / (int) Checkpoints.SPACING - 1);

        for (String travel : List.of("!tt 50", "t-", "p-", "!tt 10", "g", "!tt 90", "!tt present", "t-")) {
            stepsRun = 0;
            String answer = LabMachine.ok(bounded, travel).output();
            if (!travel.equals("g")) {
                // g in the past scans the recorded history for a breakpoint, as far as the present: not a bounded travel
                assertThat(stepsRun).as(travel).isLessThanOrEqualTo(Checkpoints.SPACING + Execution.GO_BUDGET + 1);
            }
            assertThat(fromBoot.execute(travel).output()).as(travel).isEqualTo(answer);
            assertThat(bounded.snapshotJson()).as(travel).isEqualTo(fromBoot.snapshotJson());
        }
    }

    @Test
    void aForkForgetsTheCheckpointsOfTheFutureItLeaves() {
        Machine machine = spunMachine(true);
        int before = machine.debugger().checkpoints().count();
        LabMachine.ok(machine, "!tt 20");

        LabMachine.ok(machine, ".fork");
        LabMachine.ok(machine, "g");

        assertThat(machine.debugger().checkpoints().count()).isLessThan(before);
        stepsRun = 0;
        LabMachine.ok(machine, "t-");
        assertThat(stepsRun).isLessThanOrEqualTo(Checkpoints.SPACING + Execution.GO_BUDGET + 1);
    }
}
