package com.ntprocesslab.lab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;

/** The adapter reads the real kernel's snapshot into the model labs grade. */
class MachineStateTest {

    private static MachineState after(String... commands) {
        Machine machine = Machine.boot(Profile.MODERN);
        for (String command : commands) {
            assertThat(machine.execute(command).accepted()).as(command).isTrue();
        }
        return MachineState.fromSnapshot(machine.snapshotJson());
    }

    @Test
    void aBootedMachineHasSystemAtPid4AndExplorerWithItsLoaderList() {
        MachineState booted = after();

        assertThat(booted.processesNamed("System")).singleElement().satisfies(system -> {
            assertThat(system.pid()).isEqualTo(4);
            assertThat(system.loadedModules()).isEmpty();
        });
        assertThat(booted.processesNamed("explorer.exe")).singleElement().satisfies(explorer -> {
            assertThat(explorer.exited()).isFalse();
            assertThat(explorer.loadedModules()).hasValueSatisfying(modules -> assertThat(modules).contains("ntdll.dll", "kernel32.dll"));
            assertThat(booted.csrProcessOf(explorer)).hasValueSatisfying(csr -> assertThat(csr.shutdownLevel()).isEqualTo(0x280));
        });
        assertThat(booted.lastCall()).isEmpty();
        assertThat(booted.stop()).isEmpty();
    }

    @Test
    void aSuspendedChildAndTheHandlesItsParentGotAreReadInTheStudentsTerms() {
        MachineState state = after(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");

        ProcessInfo notepad = state.processesNamed("notepad.exe").getFirst();
        assertThat(state.parentImage(notepad)).hasValue("explorer.exe");
        assertThat(notepad.threads()).singleElement().satisfies(t -> assertThat(t.suspendCount()).isEqualTo(1));
        assertThat(notepad.loadedModules()).hasValue(java.util.List.of());
        assertThat(notepad.commandLine()).contains("notepad.exe");
        ProcessInfo explorer = state.processesNamed("explorer.exe").getFirst();
        assertThat(explorer.handles()).extracting(HandleInfo::objectType, HandleInfo::target, HandleInfo::grantedAccess)
                .contains(org.assertj.core.groups.Tuple.tuple("Process", "notepad.exe", 0x1fffffL),
                        org.assertj.core.groups.Tuple.tuple("Thread", "notepad.exe", 0x1fffffL));
        assertThat(state.lastCall()).hasValueSatisfying(call -> {
            assertThat(call.api()).isEqualTo("CreateProcessW");
            assertThat(call.caller()).isEqualTo("explorer.exe");
            assertThat(call.succeeded()).isTrue();
        });
    }

    @Test
    void aFailedCallKeepsItsWin32ErrorAndAnExitedProcessItsStatus() {
        MachineState failed = after(".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS");
        assertThat(failed.lastCall()).hasValueSatisfying(call -> {
            assertThat(call.succeeded()).isFalse();
            assertThat(call.lastError()).isEqualTo(0x57);
        });

        MachineState exited = after(".call explorer.exe CreateProcessW C:\\Tools\\worker.exe", "g");
        assertThat(exited.processesNamed("worker.exe")).singleElement().satisfies(worker -> {
            assertThat(worker.exited()).isTrue();
            assertThat(worker.exitStatus()).isEqualTo(3);
            assertThat(worker.liveThreads()).isEmpty();
        });
    }

    @Test
    void aBreakpointHitMidwayThroughACallIsTheStopLocation() {
        MachineState stopped = after("bu nt!PspAllocateProcess", ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        assertThat(stopped.stop()).hasValueSatisfying(stop -> {
            assertThat(stop.symbol()).isEqualTo("nt!PspAllocateProcess");
            assertThat(stop.stage()).isEqualTo(3);
            assertThat(stop.image()).isEqualTo("explorer.exe");
            assertThat(stop.inCallStack("KERNELBASE!CreateProcessInternalW")).isTrue();
        });
        assertThat(stopped.lastCall()).hasValueSatisfying(call -> assertThat(call.completed()).isFalse());
        assertThat(after("bu nt!PspAllocateProcess", ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "g").stop())
                .as("g lets the call finish and every thread waits again").isEmpty();
    }

    @Test
    void somethingThatIsNotJsonIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> MachineState.fromSnapshot("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The machine snapshot is not valid JSON");
    }
}
