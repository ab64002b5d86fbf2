package com.ntprocesslab.lab.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.machine.PendingCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector's model read from the real kernel's snapshot: objects by address, links between them, a pending call's stop. */
class MachineObjectsTest {

    private static final String START_NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    @Test
    void aHandleLinksToTheProcessObjectItOpensAndAddressesMatchInAnyWinDbgSpelling() {
        Machine machine = Machine.boot(Profile.MODERN);
        assertThat(machine.execute(START_NOTEPAD).accepted()).isTrue();
        MachineObjects objects = MachineObjects.fromSnapshot(machine.snapshotJson());
        MachineState state = MachineState.fromSnapshot(machine.snapshotJson());

        assertThat(objects.processes()).extracting(Structure::label)
                .containsExactlyElementsOf(state.processes().stream().map(ProcessInfo::image).toList());
        Structure explorer = objects.processes().stream().filter(p -> p.label().equals("explorer.exe")).findFirst().orElseThrow();
        Structure notepad = objects.processes().stream().filter(p -> p.label().equals("notepad.exe")).findFirst().orElseThrow();
        StructureField processHandle = explorer.list("ObjectTable", "Handles").stream()
                .filter(h -> h.childValue("Type").equals("Process")).findFirst().orElseThrow();

        assertThat(processHandle.child("Object").orElseThrow().link()).hasValue(notepad.address());
        assertThat(notepad.type()).isEqualTo("EPROCESS");
        assertThat(objects.at(notepad.address().replace("`", ""))).hasValue(notepad);
        assertThat(objects.at("0x" + notepad.address().replace("`", ""))).hasValue(notepad);
        assertThat(objects.at("ffffffff`deadbeef")).isEmpty();
        assertThat(objects.at("not an address")).isEmpty();
        assertThat(notepad.field("Address").orElseThrow().link()).as("an object does not link to itself").isEmpty();
        assertThat(notepad.field("Token").orElseThrow().link()).hasValueSatisfying(token ->
                assertThat(objects.at(token)).hasValueSatisfying(t -> assertThat(t.type()).isEqualTo("TOKEN")));
        assertThat(notepad.list("ThreadListHead")).singleElement().satisfies(thread ->
                assertThat(thread.childValue("Cid")).isEmpty());
        assertThat(objects.currentStop()).isEmpty();
    }

    @Test
    void anUnnamedObjectHasNoNameLineAndItsHandleNoTargetWhereANullPointerReadsAsDtPrintsIt() {
        Machine machine = Machine.boot(Profile.MODERN);
        MachineObjects objects = MachineObjects.fromSnapshot(machine.snapshotJson());
        Structure explorer = objects.processes().stream().filter(p -> p.label().equals("explorer.exe")).findFirst().orElseThrow();
        List<StructureField> handles = explorer.list("ObjectTable", "Handles");

        StructureField event = handles.stream().filter(h -> h.childValue("Type").equals("Event")).findFirst().orElseThrow();
        assertThat(event.child("Target")).as("an unnamed event has no name to show").isEmpty();
        assertThat(handles).allSatisfy(h -> assertThat(h.childValue("Target")).isNotEqualTo("(null)"));
        assertThat(explorer.field("Name")).as("a process object is unnamed; !object prints no Name line for it").isEmpty();
        assertThat(explorer.list("ThreadListHead")).allSatisfy(t -> assertThat(t.child("Tcb").orElseThrow().childValue("WaitReason")).isNotEqualTo("(null)"));
        assertThat(explorer.field("Peb").orElseThrow().value()).as("a pointer still reads as dt prints it").isNotEqualTo("(null)");
    }

    @Test
    void aProcessStillBeingAllocatedShowsItsEprocessFieldsAtEveryStepBeforeItJoinsTheActiveList() {
        Machine machine = Machine.boot(Profile.MODERN);
        int listed = machine.kernel().processes().size();
        PendingCall pending = (PendingCall) machine.commands().begin(START_NOTEPAD);
        int unlistedSnapshots = 0;
        for (int steps = 0; steps < 10_000 && machine.kernel().processes().size() == listed; steps++) {
            machine.engine().stepInto(pending.thread());
            MachineObjects objects = MachineObjects.fromSnapshot(machine.snapshotJson());
            List<Structure> building = objects.structures().values().stream()
                    .filter(s -> s.type().equals("EPROCESS") && objects.processes().stream().noneMatch(p -> p.address().equals(s.address())))
                    .toList();
            for (Structure eprocess : building) {
                assertThat(eprocess.field("UniqueProcessId")).as("the EPROCESS fields, not only its object header").isPresent();
                unlistedSnapshots++;
            }
        }
        assertThat(unlistedSnapshots).as("steps between ObCreateObject and PspInsertProcess").isPositive();
    }

    @Test
    void aBreakpointInTheNewProcessStopsOnItsRunningThreadInStage7() {
        Machine machine = Machine.boot(Profile.MODERN);
        machine.execute("bp ntdll!LdrInitializeThunk");
        machine.execute(START_NOTEPAD);
        machine.execute("g");

        StopInfo stop = MachineObjects.fromSnapshot(machine.snapshotJson()).currentStop().orElseThrow();

        assertThat(stop.stage()).isEqualTo(7);
        assertThat(stop.frames()).last().asString().startsWith("ntdll!LdrInitializeThunk");
    }

    @Test
    void aCallInProgressStopsWhereItsThreadIsWithTheFramesKPrints() {
        Machine machine = Machine.boot(Profile.MODERN);
        PendingCall pending = (PendingCall) machine.commands().begin(START_NOTEPAD);
        int steps = 0;
        while (machine.engine().location(pending.thread()).stage() < 3 && steps++ < 10_000) {
            machine.engine().stepInto(pending.thread());
        }
        List<String> frames = machine.engine().stackTrace(pending.thread());

        StopInfo stop = MachineObjects.fromSnapshot(machine.snapshotJson()).currentStop().orElseThrow();

        assertThat(stop.stage()).isEqualTo(3);
        assertThat(stop.symbol()).isEqualTo(frames.getFirst());
        assertThat(stop.frames()).as("k leaves out the kernel wait the .call interrupted")
                .isSubsetOf(frames).doesNotContain("nt!NtWaitForSingleObject+0x14b").contains("ntdll!NtWaitForSingleObject+0x14");
    }
}
