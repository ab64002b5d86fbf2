package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeTravelTest {
    private static final String NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";
    private final Machine machine = LabMachine.boot();

    @Test
    void tMinusReturnsToExactlyTheSnapshotOfTheStepBefore() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, NOTEPAD);
        // stepped off the breakpoint: every t from here is one step (at a routine's entry t also makes the call)
        LabMachine.ok(machine, "p");
        List<String> snapshots = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            snapshots.add(machine.snapshotJson());
            LabMachine.ok(machine, "t");
        }

        for (int i = 4; i >= 0; i--) {
            CommandResult back = LabMachine.ok(machine, "t-");
            assertThat(machine.snapshotJson()).isEqualTo(snapshots.get(i));
            assertThat(back.output()).startsWith("Time Travel Position: " + machine.position());
        }
    }

    @Test
    void travellingBackIntoACompletedCallLeavesItPendingAndGFinishesItTheSameWay() {
        LabMachine.ok(machine, NOTEPAD);
        String finished = machine.snapshotJson();
        long end = machine.position();
        assertThat(machine.kernel().pendingCalls).isEmpty();

        LabMachine.ok(machine, "!tt " + (end - 20));
        assertThat(machine.kernel().pendingCalls).hasSize(1);
        CommandResult g = LabMachine.ok(machine, "g");

        assertThat(g.output()).startsWith("Time Travel Position: " + end + " (the present");
        assertThat(machine.snapshotJson()).isEqualTo(finished);
        assertThat(machine.kernel().pendingCalls).isEmpty();
    }

    @Test
    void goingBackNeverChangesTheRecordedFutureAndGRunsAlongItToThePresent() {
        for (int i = 0; i < 3; i++) {
            LabMachine.ok(machine, NOTEPAD);
        }
        String present = machine.snapshotJson();
        long end = machine.position();

        LabMachine.ok(machine, "!tt 50");
        assertThat(machine.position()).isLessThan(end);
        assertThat(machine.debugger().inThePast()).isTrue();
        LabMachine.ok(machine, "g");

        assertThat(machine.position()).isEqualTo(end);
        assertThat(machine.snapshotJson()).isEqualTo(present);
        assertThat(machine.debugger().timeline().entries()).hasSize(3);
        assertThat(LabMachine.ok(machine, NOTEPAD).output()).contains("returned TRUE");
    }

    @Test
    void inThePastGStopsAtABreakpointAlongTheHistoryAndTStepsOne() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, NOTEPAD);
        long end = machine.position();
        LabMachine.ok(machine, "!tt 0");
        LabMachine.ok(machine, "bp nt!PspInsertProcess");

        CommandResult first = LabMachine.ok(machine, "g");
        long hit = machine.position();
        CommandResult step = LabMachine.ok(machine, "t");
        CommandResult second = LabMachine.ok(machine, "g");

        assertThat(first.output()).startsWith("Breakpoint 0 hit").contains("nt!PspInsertProcess");
        // the breakpoint shows PspInsertProcess's entry, so t makes the call and runs its first step, as live
        assertThat(step.output()).startsWith("Time Travel Position: " + (hit + 2) + " of ").contains("nt!PspInsertProcess+0x");
        assertThat(second.output()).startsWith("Breakpoint 0 hit");
        assertThat(machine.position()).isGreaterThan(hit).isLessThan(end);
        LabMachine.ok(machine, "bc *");
        assertThat(LabMachine.ok(machine, "g").output()).contains("(the present");
        assertThat(machine.position()).isEqualTo(end);
    }

    @Test
    void aCommandThatWouldChangeThePastIsRefusedNamingTheChoicesAndChangesNothing() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "!tt 50");
        String before = machine.snapshotJson();

        CommandResult refused = machine.execute(NOTEPAD);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.output()).contains("stands in the past", "!tt present", ".fork");
        assertThat(machine.snapshotJson()).isEqualTo(before);
        assertThat(LabMachine.ok(machine, "!process 0 0").accepted()).isTrue();
        assertThat(LabMachine.ok(machine, "!tt present").output()).contains("(the present");
        assertThat(LabMachine.ok(machine, NOTEPAD).output()).contains("returned TRUE");
    }

    @Test
    void forkForgetsTheRecordedFutureSoTheMachineGoesOnFromThere() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "!tt 50");
        long at = machine.position();

        CommandResult fork = LabMachine.ok(machine, ".fork");

        assertThat(fork.output()).startsWith("Forked at position " + at);
        assertThat(machine.debugger().timeline().present()).isEqualTo(at);
        assertThat(LabMachine.ok(machine, NOTEPAD).output()).contains("returned TRUE");
    }

    @Test
    void aRestartReplayingTheLogKeepsTheWholeRecordedFutureAndThePosition() {
        List<String> log = List.of(NOTEPAD, NOTEPAD, "bp nt!PspInsertProcess", "!tt 10", "g", "t", "p-", "!tt 75");
        for (String command : log) {
            machine.execute(command);
        }
        Machine restarted = Machine.boot(Profile.MODERN);
        for (String command : log) {
            restarted.execute(command);
        }

        assertThat(restarted.debugger().timeline().entries()).isEqualTo(machine.debugger().timeline().entries()).hasSize(2);
        assertThat(restarted.position()).isEqualTo(machine.position());
        assertThat(restarted.snapshotJson()).isEqualTo(machine.snapshotJson());
        LabMachine.ok(restarted, "!tt present");
        LabMachine.ok(machine, "!tt present");
        assertThat(restarted.snapshotJson()).isEqualTo(machine.snapshotJson());
    }

    @Test
    void gMinusGoesBackToThePreviousBreakpointHitEvenOneSetAfterwards() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, "bp nt!PspInsertProcess");

        CommandResult back = LabMachine.ok(machine, "g-");

        assertThat(back.output()).contains("nt!PspInsertProcess:");
        assertThat(machine.engine().location(machine.kernel().pendingCalls.getFirst().thread()).symbol()).isEqualTo("nt!PspInsertProcess");
        assertThat(machine.debugger().breakpoints().all()).hasSize(1);
    }

    @Test
    void aStepBackAfterAStepFromABreakpointReturnsToTheBreakpointAsItWasShown() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        CommandResult hit = LabMachine.ok(machine, NOTEPAD);
        String atBreakpoint = machine.snapshotJson();
        String entry = hit.output().substring(hit.output().indexOf('\n') + 1);

        for (String step : List.of("t", "p")) {
            LabMachine.ok(machine, step);
            CommandResult back = LabMachine.ok(machine, step + "-");

            assertThat(machine.snapshotJson()).as(step).isEqualTo(atBreakpoint);
            assertThat(back.output()).as(step).isEqualTo("Time Travel Position: " + machine.position() + " of " + machine.present() + "\n" + entry);
            LabMachine.ok(machine, "!tt present");
            LabMachine.ok(machine, "g-");
        }
    }

    @Test
    void pMinusGoesBackToThePreviousStepOfThisThreadAtThisDepth() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "p");
        String afterOneStep = machine.snapshotJson();
        LabMachine.ok(machine, "p");

        LabMachine.ok(machine, "p-");

        assertThat(machine.snapshotJson()).isEqualTo(afterOneStep);
    }

    @Test
    void aTravelIsAnOrdinaryCommandThatReplaysTheSameWay() {
        List<String> log = List.of("bp nt!PspAllocateProcess", NOTEPAD, "t", "t", "p", "t-", "g", "g-", "!tt 1060", "t", "bc *", "g");
        Machine other = Machine.boot(Profile.MODERN);
        for (String command : log) {
            CommandResult first = machine.execute(command);
            assertThat(other.execute(command)).isEqualTo(first);
        }
        assertThat(other.snapshotJson()).isEqualTo(machine.snapshotJson());
    }

    @Test
    void aLogOfAKernelThatCutTheFutureAtEveryTravelReplaysThatWay() {
        assertThat(Machine.travelledByCutting("0.7.0")).isTrue();
        assertThat(Machine.travelledByCutting(Machine.KERNEL_VERSION)).isFalse();
        LabMachine.ok(machine, NOTEPAD);

        LabMachine.ok(machine, "!tt 0");
        machine.forgetRecordedFuture();

        assertThat(machine.inThePast()).isFalse();
        assertThat(LabMachine.ok(machine, NOTEPAD).output()).contains("returned TRUE");
        assertThat(machine.debugger().timeline().entries()).hasSize(1);
    }

    @Test
    void travelKeepsBreakpointsAndTheFuture() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "bp nt!PspInsertProcess");
        long origin = machine.debugger().timeline().origin;

        LabMachine.ok(machine, "!tt " + origin);

        assertThat(machine.debugger().timeline().entries()).hasSize(1);
        assertThat(machine.debugger().breakpoints().all()).hasSize(1);
        assertThat(LabMachine.timeless(machine)).isEqualTo(LabMachine.timeless(Machine.boot(Profile.MODERN)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', value = {
        "t- ~ Already at position",
        "p- ~ Already at position",
        "g- ~ Already at position",
        "!tt ~ Syntax error at '!tt'",
        "!tt 12 13 ~ Syntax error at '13'",
        "!tt soon ~ Syntax error at 'soon'",
        "!tt 500 ~ before the end of boot",
        "!tt 101% ~ Syntax error at '101%'",
        "!tt 99999999 ~ is beyond the present",
        ".fork now ~ Syntax error at 'now'",
        "t- 3 ~ Syntax error at '3'"
    })
    void aTravelThatCannotHappenIsRejectedAndChangesNothing(String command, String expected) {
        String before = machine.snapshotJson();

        CommandResult result = machine.execute(command);

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains(expected);
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }

    @Test
    void gMinusWithoutAnyEarlierHitIsRejectedAndChangesNothing() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "bp nt!PspExitProcess");
        String before = machine.snapshotJson();

        CommandResult result = machine.execute("g-");

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains("No enabled breakpoint was hit");
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }
}
