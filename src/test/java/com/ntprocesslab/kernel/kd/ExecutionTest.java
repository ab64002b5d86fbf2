package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionTest {
    private final Machine machine = LabMachine.boot();

    @Test
    void tRunsExactlyOneStepAndShowsTheSymbolAndTheStepAsTheInstruction() {
        LabMachine.ok(machine, "bp KERNEL32!CreateProcessWStub");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "t");
        long before = machine.position();

        CommandResult t = LabMachine.ok(machine, "t");

        assertThat(machine.position()).isEqualTo(before + 1);
        // symbol line, then the instruction line where WinDbg prints the disassembly ("t (Trace)")
        assertThat(t.output()).isEqualTo("KERNELBASE!CreateProcessInternalW:\n" + at("KERNELBASE!CreateProcessInternalW", 0) + " (inline code)");
    }

    @Test
    void atABreakpointOnARoutineTMakesTheCallAndRunsItsFirstStepAndNoLocationShowsTwice() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        CommandResult hit = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        long before = machine.position();

        CommandResult t = LabMachine.ok(machine, "t");

        // the breakpoint shows the routine's entry and its first step (a call of a function the machine runs as one step)
        assertThat(hit.output()).isEqualTo("Breakpoint 0 hit\nnt!PspAllocateProcess:\n" + at("nt!PspAllocateProcess", 0) + " call    nt!ObCreateObject");
        assertThat(machine.position()).isEqualTo(before + 2);
        assertThat(t.output()).isEqualTo("nt!PspAllocateProcess+0xe0:\n" + at("nt!PspAllocateProcess", 0xe0) + " call    nt!PspInitializeProcessSecurity");
        List<String> seen = new ArrayList<>(List.of(hit.output().substring(hit.output().indexOf('\n') + 1), t.output()));
        boolean looping = false;
        for (int i = 0; i < 60; i++) {
            String next = LabMachine.ok(machine, "t").output();
            // straight-line code never shows a location twice; once a loop runs (the notify routines' walk over
            // their table) it revisits its own code, as in WinDbg, but never stands still
            looping |= next.startsWith("nt!PspCallProcessNotifyRoutines");
            // a step that makes the thread wait (the csrss request) stops where the thread that runs next stands
            assertThat(next).as("step %d", i).isNotEqualTo(seen.getLast());
            if (!looping) {
                assertThat(seen).as("step %d", i).doesNotContain(next);
            }
            seen.add(next);
        }
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
            var thread = machine.debugger().current;
            var at = thread == null ? null : machine.engine().location(thread);
            int stage = at == null ? 0 : at.stage();
            if (stage != 0 && (stages.isEmpty() || stages.getLast() != stage)) {
                stages.add(stage);
            }
        }

        assertThat(stages).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(machine.kernel().lastCall.result()).contains("returned TRUE");
        assertThat(LabMachine.process(machine, "notepad.exe").peb.ldr.initialized).isTrue();
    }

    @Test
    void pStepsOverOneStepOfTheRoutineAndGuStopsInTheImmediateCallerJustAfterTheCall() {
        LabMachine.ok(machine, "bp nt!PspAllocateProcess");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        var thread = machine.kernel().pendingCalls.getFirst().thread();
        int callerDepth = thread.frames.size();

        CommandResult p = LabMachine.ok(machine, "p");
        assertThat(thread.frames).hasSize(callerDepth + 1);
        assertThat(machine.engine().location(thread).routine()).isEqualTo("nt!PspAllocateProcess");
        assertThat(p.output()).isEqualTo("nt!PspAllocateProcess+0xe0:\n" + at("nt!PspAllocateProcess", 0xe0) + " call    nt!PspInitializeProcessSecurity");

        LabMachine.ok(machine, "t");
        LabMachine.ok(machine, "t");
        CommandResult gu = LabMachine.ok(machine, "gu");
        assertThat(thread.frames).hasSize(callerDepth);
        assertThat(machine.engine().location(thread).routine()).isEqualTo("nt!NtCreateUserProcess");
        // k showed nt!NtCreateUserProcess+0xa1a (seed 000's offset) as PspAllocateProcess's return address
        assertThat(gu.output()).startsWith("nt!NtCreateUserProcess+0xa1a:\n");
    }

    @Test
    void gWithNothingToStopItRunsUntilEveryThreadWaits() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10");

        CommandResult g = LabMachine.ok(machine, "g");

        // g prints only events: a run that ends with every thread waiting and no call finishing prints nothing
        assertThat(g.output()).isEmpty();
        assertThat(machine.kernel().scheduler.highestReady()).isNull();
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
        LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10");

        CommandResult g = LabMachine.ok(machine, "g");

        assertThat(g.output()).isEqualTo("Breakpoint 0 hit\nntdll!LdrInitializeThunk:\n" + at("ntdll!LdrInitializeThunk", 0) + " call    ntdll!LdrpInitializeProcess");
        assertThat(LabMachine.ok(machine, "k").output()).contains("ntdll!LdrInitializeThunk");
        EThread notepad = LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0);
        assertThat(LabMachine.ok(machine, "!thread").output()).contains(String.format("Cid %04x.%04x", notepad.process.uniqueProcessId, notepad.uniqueThread));
    }

    @Test
    void noCallRunsWhileAnotherThreadIsStoppedInsideAKernelRoutine() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, "bp nt!PspInsertProcess");
        LabMachine.ok(machine, ".call notepad.exe CreateProcessW C:\\Windows\\System32\\calc.exe");
        String before = machine.snapshotJson();

        CommandResult second = machine.execute(".call explorer.exe CloseHandle 0xc");

        assertThat(second.accepted()).isFalse();
        long notepad = LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0).uniqueThread;
        assertThat(second.output()).startsWith("Thread 0x" + Long.toHexString(notepad) + " of notepad.exe is stopped inside the kernel at nt!PspInsertProcess");
        assertThat(machine.snapshotJson()).isEqualTo(before);
        LabMachine.ok(machine, "g");
        assertThat(LabMachine.ok(machine, ".call explorer.exe CloseHandle 0xc").output()).contains("returned TRUE");
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

    /** The address x prints for {@code symbol}, plus {@code offset}, in the machine's pointer format (so new symbols elsewhere do not break the test). */
    private String at(String symbol, long offset) {
        String x = LabMachine.ok(machine, "x " + symbol).output().lines().findFirst().orElseThrow();
        long base = Long.parseUnsignedLong(x.substring(0, x.indexOf(' ')).replace("`", ""), 16);
        String hex = String.format("%016x", base + offset);
        return hex.substring(0, 8) + "`" + hex.substring(8);
    }
}
