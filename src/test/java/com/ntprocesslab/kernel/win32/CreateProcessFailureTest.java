package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.NtStatus;
import com.ntprocesslab.kernel.ps.AllocationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failures are real control flow on both kernels: each leaves the machine as it was before
 * the call, except the caller's last error, the position and the last-call record (see
 * LabMachine.timeless). What differs between the profiles is data: where kernel32 lives and
 * which service opens the image, and the stage (modern) or phase (classic) a failure ends in.
 */
class CreateProcessFailureTest {

    /** The functions a profile's CreateProcessW goes through before and when it opens the image. */
    private record Dialect(String createProcessInternal, String opensTheImage) {
        static Dialect of(Profile profile) {
            return profile == Profile.MODERN
                    ? new Dialect("KERNELBASE!CreateProcessInternalW", "ntdll!NtCreateUserProcess")
                    : new Dialect("kernel32!CreateProcessInternalW", "ntdll!NtOpenFile");
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void newConsoleWithDetachedFailsWith0x57BeforeTheImageIsOpened(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        Object before = LabMachine.timeless(machine);
        int objects = machine.kernel().objects.size();
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS").output();

        assertThat(out).contains("returned FALSE").contains("LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        assertThat(symbols).contains(Dialect.of(profile).createProcessInternal())
                .doesNotContain(Dialect.of(profile).opensTheImage(), "nt!ObCreateObject");
        assertThat(machine.kernel().objects).hasSize(objects);
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0).teb.lastErrorValue).isEqualTo(0x57);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aMissingImageFailsWithObjectNameNotFoundAndAMissingDirectoryWithPathNotFound(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        Object before = LabMachine.timeless(machine);

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\nosuch.exe").output();

        assertThat(out).contains("returned FALSE").contains("LastError: 0x2 (ERROR_FILE_NOT_FOUND)");
        assertThat(machine.kernel().lastCall.result()).isEqualTo(out);
        assertThat(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0).teb.lastStatusValue)
                .isEqualTo(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND);
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Nowhere\\app.exe").output())
                .contains("LastError: 0x3 (ERROR_PATH_NOT_FOUND)");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aTextFileIsNotAnImage(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".file add C:\\Temp\\fake.exe \"just text\"");
        Object before = LabMachine.timeless(machine);

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Temp\\fake.exe").output();

        assertThat(out).contains("LastError: 0xc1 (ERROR_BAD_EXE_FORMAT)");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
    }

    /** Each allocation armed to fail, the error CreateProcessW reports, and the last stage (modern) or phase (classic) reached. */
    static Stream<Arguments> injectedFailures() {
        return Stream.of(
                failure("file", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 1),
                failure("section", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 1),
                failure("process", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 3, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2),
                failure("token", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 3, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2),
                failure("addressspace", "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 3, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2),
                failure("handletable", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 3, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2),
                failure("cid", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 3, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2),
                failure("peb", "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 3, "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 2),
                failure("handle", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 3, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 2),
                failure("thread", "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 4, "0x5aa (ERROR_NO_SYSTEM_RESOURCES)", 3),
                failure("stack", "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 4, "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 3),
                failure("teb", "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 4, "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 3),
                failure("csr", "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 5, "0x8 (ERROR_NOT_ENOUGH_MEMORY)", 4))
                .flatMap(Stream::of);
    }

    private static Arguments[] failure(String kind, String modernError, int stage, String classicError, int phase) {
        return new Arguments[] {
            Arguments.of(Profile.MODERN, kind, modernError, stage), Arguments.of(Profile.CLASSIC, kind, classicError, phase)};
    }

    @ParameterizedTest(name = "{0}: .fail {1} -> {2} in stage {3}")
    @MethodSource("injectedFailures")
    void anInjectedAllocationFailureRollsEverythingBack(Profile profile, String kind, String error, int stage) {
        Machine machine = LabMachine.boot(profile);
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
        // a failure after the thread exists terminates the new process: its thread takes the exit APC when it runs
        LabMachine.ok(machine, "g");
        assertThat(stages.stream().mapToInt(Integer::intValue).max().orElse(0)).isEqualTo(stage);
        assertThat(machine.kernel().faults.armed()).doesNotContain(AllocationKind.parse(kind));
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, "!process 0 0").output()).isEqualTo(dumpBefore);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void afterARollbackTheSameCallSucceedsWithTheSameIds(Profile profile) {
        Machine reference = LabMachine.boot(profile);
        String expected = LabMachine.ok(reference, ".call explorer.exe CreateProcessW notepad.exe").output();
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".fail teb");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe").output();

        assertThat(out.lines().limit(2)).containsExactlyElementsOf(expected.lines().limit(2).toList());
    }
}
