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

        assertThat(g.output()).contains("returned TRUE");
        Machine reference = Machine.boot(Profile.MODERN);
        reference.execute(NOTEPAD);
        assertThat(reference.snapshotJson()).isEqualTo(finished);
        reference.execute("g");
        assertThat(LabMachine.timeless(machine)).isEqualTo(LabMachine.timeless(reference));
        assertThat(machine.position()).isEqualTo(reference.position());
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
    void pMinusGoesBackToThePreviousStepOfThisThreadAtThisDepth() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, NOTEPAD);
        String atBreakpoint = machine.snapshotJson();
        LabMachine.ok(machine, "p");

        LabMachine.ok(machine, "p-");

        assertThat(machine.snapshotJson()).isEqualTo(atBreakpoint);
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
    void travelKeepsBreakpointsButNotTheFuture() {
        LabMachine.ok(machine, NOTEPAD);
        LabMachine.ok(machine, "bp nt!PspInsertProcess");
        long origin = machine.debugger().timeline().origin;

        LabMachine.ok(machine, "!tt " + origin);

        assertThat(machine.debugger().timeline().entries()).isEmpty();
        assertThat(machine.debugger().breakpoints().all()).hasSize(1);
        assertThat(LabMachine.timeless(machine)).isEqualTo(LabMachine.timeless(Machine.boot(Profile.MODERN)));
        assertThat(LabMachine.ok(machine, NOTEPAD).output()).startsWith("Breakpoint 0 hit");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', value = {
        "t- ~ Already at position",
        "p- ~ Already at position",
        "g- ~ Already at position",
        "!tt ~ Syntax error at '!tt'",
        "!tt 12 13 ~ Syntax error at '13'",
        "!tt soon ~ Syntax error at 'soon'",
        "!tt 5 ~ before the end of boot",
        "!tt 99999999 ~ is in the future",
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
