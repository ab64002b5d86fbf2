package com.ntprocesslab.kernel.machine;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Routine;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final Machine machine = LabMachine.boot();

    @Test
    void eachStepAdvancesThePositionByOne() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW notepad.exe");
        // the user APC first ends the alertable wait and reaches the API through KiUserApcDispatcher
        machine.engine().runThread(call.thread(), call::finished, 100, at -> "KERNEL32!CreateProcessWStub".equals(at.symbol()));
        long position = machine.position();

        Engine.StepEvent<Kernel, EThread> first = machine.engine().stepInto(call.thread());
        Engine.StepEvent<Kernel, EThread> second = machine.engine().stepInto(call.thread());

        assertThat(machine.position()).isEqualTo(position + 2);
        // a .call's entry routine is entered by a step of its own, before it calls the next function
        assertThat(first.symbol()).isEqualTo("KERNEL32!CreateProcessWStub");
        assertThat(second.symbol()).isEqualTo("KERNELBASE!CreateProcessW");
        assertThat(machine.engine().location(call.thread()).display()).isEqualTo("KERNELBASE!CreateProcessInternalW");
    }

    @Test
    void aStopCheckHaltsBeforeTheStepAndTheMachineCanBeInspectedThere() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW notepad.exe");

        Engine.RunResult result = machine.engine().runThread(call.thread(), call::finished, 10_000,
                at -> "nt!PspInsertProcess".equals(at.symbol()));

        assertThat(result.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(result.stoppedAt().stage()).isEqualTo(3);
        assertThat(LabMachine.process(machine, "notepad.exe")).isNull();
        assertThat(machine.checkInvariants()).isEmpty();
        assertThat(machine.snapshotJson()).contains("\"Api\": \"CreateProcessW\"");

        LabMachine.ok(machine, "g");

        assertThat(machine.kernel().pendingCalls).isEmpty();
        assertThat(machine.kernel().lastCall.result()).contains("returned TRUE");
        assertThat(LabMachine.process(machine, "notepad.exe").peb.ldr.initialized).isTrue();
    }

    @Test
    void symbolsHaveDeterministicAddressesAndMatchWildcards() {
        List<String> matches = Symbols.match("nt!*CreateProcess*");

        assertThat(matches).contains("nt!PspBuildCreateProcessContext", "nt!PspDeleteCreateProcessContext");
        assertThat(Symbols.match("nt!Psp*Thread*")).contains("nt!PspAllocateThread", "nt!PspInsertThread", "nt!PspExitThread");
        assertThat(Symbols.address("nt!MmCreateProcessAddressSpace")).isBetween(0xfffff80255a00000L, 0xfffff80255b00000L);
        assertThat(Symbols.address("KERNELBASE!CreateProcessInternalW")).isBetween(0x7ff8cd7e0000L, 0x7ff8cd900000L);
        assertThat(Symbols.all().values()).doesNotHaveDuplicates();
        assertThat(Symbols.match("notepad!*")).containsExactly("notepad!wWinMainCRTStartup");
    }

    @Test
    void returnOffsetsAreStablePerRoutineAndStep() {
        Routine routine = Symbols.routine("nt!PspAllocateProcess");

        assertThat(routine.returnOffset(0)).isPositive();
        for (int i = 1; i < routine.steps().size(); i++) {
            assertThat(routine.returnOffset(i)).isGreaterThan(routine.returnOffset(i - 1));
        }
        assertThat(routine.returnOffset(2)).isEqualTo(Symbols.routine("nt!PspAllocateProcess").returnOffset(2));
    }
}
