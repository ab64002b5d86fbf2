package com.ntprocesslab.lab.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.inspect.Snapshot;
import com.ntprocesslab.lab.state.History;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.text.Language;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The predicates over the history, on a real machine walked command by command the way the
 * history grader walks a log: what they hold on depends on what happened before, not only on
 * the state the machine is in now.
 */
class HistoryPredicatesTest {

    /** A machine and its history, advanced one accepted command at a time. */
    private static final class Walk {
        private final Machine machine = Machine.boot(Profile.MODERN);
        private History history = History.NONE;
        private MachineState state;

        Walk run(String... commands) {
            for (String command : commands) {
                CommandResult result = machine.execute(command);
                assertThat(result.accepted()).as(command + ": " + result.output()).isTrue();
                MachineState now = MachineState.fromSnapshotTree(Snapshot.tree(machine.kernel()));
                history = history.after(now);
                state = now.withHistory(history);
            }
            return this;
        }

        List<String> problems(Predicate predicate) {
            return predicate.problems(state).stream().map(m -> m.in(Language.EN)).toList();
        }
    }

    @Test
    void stoppedInHoldsAfterTheMachineRanOnWhileStoppedAtNoLongerDoes() {
        StoppedIn inAddressSpace = new StoppedIn("nt!MmCreateProcessAddressSpace");
        StoppedIn inLoader = new StoppedIn("ntdll!LdrInitializeThunk");
        Walk walk = new Walk().run("bu nt!MmCreateProcessAddressSpace");
        assertThat(walk.problems(inAddressSpace)).containsExactly(
                "The machine has not stopped in nt!MmCreateProcessAddressSpace yet: set a breakpoint there (bp nt!MmCreateProcessAddressSpace) and start the call.");

        walk.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        assertThat(walk.problems(inAddressSpace)).isEmpty();
        assertThat(walk.problems(new StoppedIn("nt!NtCreateUserProcess"))).as("a caller's frame on the stopped stack counts").isEmpty();
        assertThat(walk.problems(new StoppedAt("nt!MmCreateProcessAddressSpace"))).isEmpty();

        walk.run("g");
        assertThat(walk.problems(new StoppedAt("nt!MmCreateProcessAddressSpace"))).isNotEmpty();
        assertThat(walk.problems(inAddressSpace)).as("once stopped there, it stays so").isEmpty();
        assertThat(walk.problems(inLoader)).as("never stopped in the loader").hasSize(1);
    }

    @Test
    void calledKnowsWhichProcessTheHandleArgumentNamed() {
        Called workerTerminated = new Called("TerminateProcess", Optional.empty(), Optional.of("worker.exe"), Optional.empty(), false);
        Called notepadTerminated = new Called("TerminateProcess", Optional.of("explorer.exe"), Optional.of("notepad.exe"), Optional.of(true), true);
        Walk walk = new Walk().run(".call explorer.exe CreateProcessW C:\\Tools\\worker.exe", "g",
                ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "g");
        assertThat(walk.problems(workerTerminated)).isEmpty();
        assertThat(walk.problems(notepadTerminated)).containsExactly("explorer.exe has not called TerminateProcess on notepad.exe yet.");

        walk.run(".call explorer.exe TerminateProcess 0x14 0xdead", "g");
        assertThat(walk.problems(notepadTerminated)).isEmpty();
        assertThat(walk.problems(workerTerminated)).as("notepad.exe's termination is not worker.exe's").isEmpty();

        Walk outside = new Walk().run(".call explorer.exe CreateProcessW C:\\Tools\\worker.exe", ".call explorer.exe TerminateProcess 0n12 3", "g");
        assertThat(outside.problems(workerTerminated)).containsExactly(
                "explorer.exe called TerminateProcess on worker.exe; this step must be reached without TerminateProcess (reset the machine to try again).");
        // .call reads bare numbers in radix 16, as WinDbg does: "c" and "0n12" name the same handle, "12" another one
        Walk bareHex = new Walk().run(".call explorer.exe CreateProcessW C:\\Tools\\worker.exe", ".call explorer.exe TerminateProcess c 3", "g");
        assertThat(bareHex.problems(workerTerminated)).hasSize(1);
        Walk otherHandle = new Walk().run(".call explorer.exe CreateProcessW C:\\Tools\\worker.exe", ".call explorer.exe TerminateProcess 12 3", "g");
        assertThat(otherHandle.problems(workerTerminated)).as("handle 0x12 is not worker.exe's").isEmpty();
    }

    @Test
    void failureFiredNamesTheAllocationThatFailedNotOnlyTheError() {
        FailureFired addressSpace = new FailureFired("addressspace");
        Walk walk = new Walk().run(".fail addressspace");
        assertThat(walk.problems(addressSpace)).containsExactly(
                "The addressspace failure is armed but has not fired yet: start the call that reaches that allocation.");
        walk.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        assertThat(walk.problems(addressSpace)).isEmpty();
        walk.run(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "g");
        assertThat(walk.problems(addressSpace)).as("it fired once, and stays fired").isEmpty();

        Walk elsewhere = new Walk().run(".fail teb", ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        assertThat(elsewhere.problems(new LastCallResult(Optional.of("CreateProcessW"), Optional.empty(), java.util.OptionalLong.of(8))))
                .as("the same Win32 error").isEmpty();
        assertThat(elsewhere.problems(addressSpace)).containsExactly("No injected addressspace failure has fired yet (.fail addressspace, then the call).");
        assertThat(elsewhere.problems(new FailureFired("teb"))).isEmpty();
    }
}
