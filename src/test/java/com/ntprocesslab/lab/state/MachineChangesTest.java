package com.ntprocesslab.lab.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the panels highlight, read from two real snapshots: new structures and entries, changed fields; and one number format. */
class MachineChangesTest {
    private static final String START_NOTEPAD = ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe";

    private static MachineObjects objects(Machine machine) {
        return MachineObjects.fromSnapshot(machine.snapshotJson());
    }

    private static Structure process(MachineObjects objects, String image) {
        return objects.processes().stream().filter(p -> p.label().equals(image)).findFirst().orElseThrow();
    }

    @Test
    void aCreationAddsTheProcessAndAHandleEntryToItsCreatorAndChangesTheCreatorsCounts() {
        Machine machine = Machine.boot(Profile.MODERN);
        MachineObjects before = objects(machine);
        assertThat(machine.execute(START_NOTEPAD).accepted()).isTrue();
        MachineObjects after = objects(machine);
        MachineChanges changes = MachineChanges.between(before, after);

        Structure notepad = process(after, "notepad.exe");
        Structure explorer = process(after, "explorer.exe");
        assertThat(changes.added(notepad.address())).isTrue();
        assertThat(changes.added(explorer.address())).isFalse();
        assertThat(changes.changed(explorer.address(), "HandleCount")).isTrue();
        StructureField handle = explorer.list("ObjectTable", "Handles").stream()
                .filter(h -> h.childValue("Type").equals("Process")).findFirst().orElseThrow();
        String path = MachineChanges.itemPath("ObjectTable/Handles", handle);
        assertThat(changes.addedItem(before, explorer.address(), path)).isTrue();
        assertThat(changes.changed(explorer.address(), path)).isTrue();
        // what the creation did not touch stays plain
        Structure system = process(after, "System");
        assertThat(changes.changed(system.address())).isFalse();
    }

    @Test
    void anInspectionCommandChangesNothing() {
        Machine machine = Machine.boot(Profile.MODERN);
        machine.execute(START_NOTEPAD);
        MachineObjects before = objects(machine);
        machine.execute("!process 0 7");
        assertThat(MachineChanges.between(before, objects(machine)).isEmpty()).isTrue();
        assertThat(MachineChanges.between(null, before).isEmpty()).isTrue();
    }

    @Test
    void aStepThroughTheCreationMarksTheFieldsItSet() {
        Machine machine = Machine.boot(Profile.MODERN);
        machine.execute("bp nt!PspInsertProcess");
        machine.execute(START_NOTEPAD);
        MachineObjects before = objects(machine);
        machine.execute("p");
        MachineObjects after = objects(machine);
        MachineChanges changes = MachineChanges.between(before, after);
        assertThat(changes.isEmpty()).isFalse();
    }

    @Test
    void theDetailsHandleCountIsTheOneProcessPrintsAndNumbersAreHexWithoutNull() {
        Machine machine = Machine.boot(Profile.MODERN);
        machine.execute(START_NOTEPAD);
        Structure explorer = process(objects(machine), "explorer.exe");
        String dump = machine.execute("!process 0 1 explorer.exe").output();
        long printed = Long.parseLong(dump.replaceAll("(?s).*HandleCount: (\\d+)\\..*", "$1"));
        assertThat(explorer.value("HandleCount")).isEqualTo("0x" + Long.toHexString(printed));
        assertThat(explorer.field("ObjectHeader").orElseThrow().childValue("HandleCount")).startsWith("0x");

        List<String> values = new ArrayList<>();
        collect(explorer.fields(), values);
        assertThat(values).noneMatch(v -> v.equals("null")).noneMatch(v -> v.matches("\\d{2,}"));
        assertThat(explorer.list("ThreadListHead")).allSatisfy(t -> assertThat(t.childValue("Stage")).isNotEqualTo("(null)"));
    }

    private static void collect(List<StructureField> fields, List<String> values) {
        for (StructureField f : fields) {
            values.add(f.value());
            collect(f.children(), values);
        }
    }
}
