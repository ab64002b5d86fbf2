package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.AllocationKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Failures are real control flow: each leaves the machine as it was before the call, except
 * the caller's last error, the position and the last-call record (see LabMachine.timeless).
 */
class CreateProcessFailureTest {
    private final Machine machine = LabMachine.boot();

    @Test
    void newConsoleWithDetachedFailsWith0x57BeforeAnyObjectExists() {
        Object before = LabMachine.timeless(machine);
        int objects = machine.kernel().objects.size();
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS").output();

        assertThat(out).contains("returned FALSE").contains("LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        assertThat(machine.kernel().objects).hasSize(objects);
        assertThat(symbols).doesNotContain("nt!ObCreateObject", "ntdll!NtCreateUserProcess");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0).teb.lastErrorValue).isEqualTo(0x57);
    }

    @Test
    void aMissingImageFailsWithObjectNameNotFound() {
        Object before = LabMachine.timeless(machine);

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\nosuch.exe").output();

        assertThat(out).contains("returned FALSE").contains("LastError: 0x2 (ERROR_FILE_NOT_FOUND)");
        assertThat(machine.kernel().lastCall.result()).isEqualTo(out);
        assertThat(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0).teb.lastStatusValue)
                .isEqualTo(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
    }

    @Test
    void aMissingDirectoryFailsWithPathNotFound() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Nowhere\\app.exe").output();

        assertThat(out).contains("LastError: 0x3 (ERROR_PATH_NOT_FOUND)");
    }

    @Test
    void aTextFileIsNotAnImage() {
        LabMachine.ok(machine, ".file add C:\\Temp\\fake.exe \"just text\"");
        Object before = LabMachine.timeless(machine);

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Temp\\fake.exe").output();

        assertThat(out).contains("LastError: 0xc1 (ERROR_BAD_EXE_FORMAT)");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
    }

    @ParameterizedTest(name = ".fail {0} -> {1}")
    @CsvSource({
        "file, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 2",
        "section, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 2",
        "process, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 3",
        "token, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 3",
        "addressspace, 0x8 (ERROR_NOT_ENOUGH_MEMORY), 3",
        "handletable, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 3",
        "cid, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 3",
        "peb, 0x8 (ERROR_NOT_ENOUGH_MEMORY), 3",
        "handle, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 3",
        "thread, 0x5aa (ERROR_NO_SYSTEM_RESOURCES), 4",
        "stack, 0x8 (ERROR_NOT_ENOUGH_MEMORY), 4",
        "teb, 0x8 (ERROR_NOT_ENOUGH_MEMORY), 4",
        "csr, 0x8 (ERROR_NOT_ENOUGH_MEMORY), 5"
    })
    void anInjectedAllocationFailureRollsEverythingBack(String kind, String error, int stage) {
        Object before = LabMachine.timeless(machine);
        String dumpBefore = LabMachine.ok(machine, "!process 0 0").output();
        List<Integer> stages = new ArrayList<>();
        machine.engine().setListener(e -> {
            if (e.stage() > 0) {
                stages.add(e.stage());
            }
        });
        LabMachine.ok(machine, ".fail " + kind);

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(out).contains("returned FALSE").contains("LastError: " + error);
        assertThat(stages.stream().mapToInt(Integer::intValue).max().orElse(0)).isEqualTo(stage);
        assertThat(machine.kernel().faults.armed()).doesNotContain(AllocationKind.parse(kind));
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, "!process 0 0").output()).isEqualTo(dumpBefore);
    }

    @Test
    void afterARollbackTheSameCallSucceedsWithTheSameIds() {
        Machine reference = LabMachine.boot();
        String expected = LabMachine.ok(reference, ".call explorer.exe CreateProcessW notepad.exe").output();
        LabMachine.ok(machine, ".fail teb");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe").output();

        assertThat(out.lines().limit(2)).containsExactlyElementsOf(expected.lines().limit(2).toList());
    }
}
