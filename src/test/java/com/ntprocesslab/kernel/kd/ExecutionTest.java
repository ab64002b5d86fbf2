package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionTest {
    private static final Pattern STAGE = Pattern.compile(", stage (\\d)");
    private final Machine machine = LabMachine.boot();

    @Test
    void tRunsExactlyOneStepAndShowsWhereTheThreadStands() {
        LabMachine.ok(machine, "bp KERNEL32!CreateProcessWStub");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        long before = machine.position();

        CommandResult t = LabMachine.ok(machine, "t");

        assertThat(machine.position()).isEqualTo(before + 1);
        assertThat(t.output()).startsWith("KERNELBASE!CreateProcessInternalW:\n00007ff8`").contains("explorer.exe", "position " + (before + 1));
    }

    @Test
    void tThroughAWholeCreateProcessWVisitsEveryStageInOrder() {
        LabMachine.ok(machine, "bp KERNEL32!CreateProcessWStub");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        List<Integer> stages = new ArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            CommandResult t = LabMachine.ok(machine, "t");
            if (t.output().startsWith("Nothing to run")) {
                break;
            }
            Matcher m = STAGE.matcher(t.output());
            if (m.find()) {
                int stage = Integer.parseInt(m.group(1));
                if (stages.isEmpty() || stages.getLast() != stage) {
                    stages.add(stage);
                }
            }
        }

        assertThat(stages).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(machine.kernel().lastCall.result()).contains("returned TRUE");
        assertThat(LabMachine.process(machine, "notepad.exe").peb.ldr.initialized).isTrue();
    }

    @Test
    void pStepsOverACallAndGuStepsOutOfTheCurrentFunction() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        var thread = machine.kernel().pendingCalls.getFirst().thread();
        int depth = thread.frames.size();

        LabMachine.ok(machine, "p");
        assertThat(thread.frames).hasSize(depth);
        assertThat(machine.engine().location(thread).routine()).isEqualTo("nt!NtCreateUserProcess");

        LabMachine.ok(machine, "t");
        LabMachine.ok(machine, "t");
        int inside = thread.frames.size();
        CommandResult gu = LabMachine.ok(machine, "gu");
        assertThat(thread.frames.size()).isLessThan(inside);
        assertThat(gu.output()).contains("+0x");
    }

    @Test
    void gWithNothingToStopItRunsUntilEveryThreadWaits() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call explorer.exe ResumeThread 0xc");

        CommandResult g = LabMachine.ok(machine, "g");

        assertThat(g.output()).startsWith("Ran ").contains("every thread is now waiting");
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Nothing to run");
    }

    @Test
    void aSpinningGuestExhaustsTheBudgetWithAMessageInsteadOfHanging() {
        // no per-step invariant check here: the budget is 100,000 steps
        Machine fast = Machine.boot(com.ntprocesslab.kernel.Profile.MODERN);
        fast.execute(".call explorer.exe CreateProcessW C:\\Tools\\spinner.exe");

        CommandResult g = fast.execute("g");

        assertThat(g.accepted()).isTrue();
        assertThat(g.output()).startsWith("Step budget of " + Execution.GO_BUDGET + " steps exhausted").contains("spinner.exe", "Run g again");
    }

    @Test
    void aBreakpointHitSwitchesTheContextToTheThreadThatHitIt() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        LabMachine.ok(machine, "bp ntdll!LdrInitializeThunk");
        LabMachine.ok(machine, ".call explorer.exe ResumeThread 0xc");

        CommandResult g = LabMachine.ok(machine, "g");

        assertThat(g.output()).startsWith("Breakpoint 0 hit\nntdll!LdrInitializeThunk:").contains("of notepad.exe");
        assertThat(LabMachine.ok(machine, "k").output()).contains("ntdll!LdrInitializeThunk");
        assertThat(LabMachine.ok(machine, "!thread").output()).contains("Cid 0054.0058");
    }

    @Test
    void noCallRunsWhileAnotherThreadIsStoppedInsideAKernelRoutine() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, "bp nt!PspInsertProcess");
        LabMachine.ok(machine, ".call notepad.exe CreateProcessW C:\\Windows\\System32\\calc.exe");
        String before = machine.snapshotJson();

        CommandResult second = machine.execute(".call explorer.exe CloseHandle 0x8");

        assertThat(second.accepted()).isFalse();
        assertThat(second.output()).startsWith("Thread 0x58 of notepad.exe is stopped inside the kernel at nt!PspInsertProcess");
        assertThat(machine.snapshotJson()).isEqualTo(before);
        LabMachine.ok(machine, "g");
        assertThat(LabMachine.ok(machine, ".call explorer.exe CloseHandle 0x8").output()).contains("returned TRUE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"g 100", "t 2", "p now", "gu x"})
    void executionCommandsTakeNoArguments(String command) {
        String before = machine.snapshotJson();

        CommandResult result = machine.execute(command);

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).startsWith("Syntax error at '" + command.split(" ")[1] + "'");
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }
}
