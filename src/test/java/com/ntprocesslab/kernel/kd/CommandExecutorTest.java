package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandExecutorTest {
    private final Machine machine = LabMachine.boot();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '#', value = {
        "foo ~ Unknown command 'foo'",
        "!process 1 2 ~ Couldn't resolve error at '1'",
        ".call ~ Syntax error at '.call'",
        ".call nosuch.exe CreateProcessW notepad.exe ~ 'nosuch.exe'",
        ".call 0x999 CreateProcessW notepad.exe ~ '0x999'",
        ".call explorer.exe NoSuchApi ~ 'NoSuchApi'",
        ".call explorer.exe RtlCreateUserProcess notepad.exe ~ 'RtlCreateUserProcess'",
        ".call explorer.exe CreateProcessW ~ CreateProcessW takes <path> [flags]",
        ".call explorer.exe CreateProcessW notepad.exe BOGUS_FLAG ~ Syntax error at 'BOGUS_FLAG'",
        ".call explorer.exe CloseHandle zz ~ Syntax error at 'zz'",
        ".call explorer.exe TerminateProcess 0x8 ~ TerminateProcess takes",
        ".call explorer.exe WaitForSingleObject 0x8 soon ~ Syntax error at 'soon'",
        ".call explorer.exe OpenProcess PROCESS_FLY 4 ~ Syntax error at 'PROCESS_FLY'",
        ".call System CreateProcessW notepad.exe ~ no user-mode thread",
        ".call explorer.exe \"unterminated ~ unterminated quote",
        ".reg add BADKEY v d ~ Syntax error at 'BADKEY'",
        ".reg delete HKLM\\NoSuch ~ 'HKLM\\NoSuch'",
        ".reg frobnicate ~ Syntax error",
        ".file add relative.txt x ~ Syntax error at 'relative.txt'",
        ".file add C:\\Tools\\worker.exe x ~ already exists",
        ".fail nothing ~ Syntax error at 'nothing'",
        ".dump extra ~ Syntax error at 'extra'",
        ".invariants now ~ Syntax error at 'now'",
        "g now ~ Syntax error at 'now'"
    })
    void aRejectedCommandNamesTheProblemAndChangesNothing(String command, String expected) {
        String before = machine.snapshotJson();

        CommandResult result = machine.execute(command);

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains(expected);
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }

    @Test
    void aThreadThatHasNotStartedCannotMakeACall() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe CREATE_SUSPENDED");
        String before = machine.snapshotJson();

        CommandResult result = machine.execute(".call notepad.exe ExitProcess 1");

        assertThat(result.accepted()).isFalse();
        assertThat(result.output()).contains("has not started");
        assertThat(machine.snapshotJson()).isEqualTo(before);
    }

    @Test
    void theSameCommandsGiveByteIdenticalSnapshots() {
        String[] script = {
            ".call explorer.exe CreateProcessW notepad.exe CREATE_SUSPENDED",
            ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\calc.exe\" Debugger notepad.exe",
            ".call explorer.exe CreateProcessW calc.exe",
            ".call explorer.exe ResumeThread 0xc",
            ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe",
            "g",
            ".call explorer.exe TerminateProcess 0x8 4",
            ".fail peb",
            ".call explorer.exe CreateProcessW calc.exe",
            ".call explorer.exe CloseHandle 0x8"
        };
        Machine first = Machine.boot(Profile.MODERN);
        Machine second = Machine.boot(Profile.MODERN);
        for (String command : script) {
            assertThat(first.execute(command)).isEqualTo(second.execute(command));
        }

        assertThat(first.snapshotJson()).isEqualTo(second.snapshotJson());
        assertThat(first.position()).isEqualTo(second.position());
        assertThat(first.checkInvariants()).isEmpty();
    }

    @Test
    void gStopsWhenTheStepBudgetIsSpent() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\spinner.exe");

        CommandResult result = machine.execute("g");

        assertThat(result.accepted()).isTrue();
        assertThat(result.output()).contains("Step budget of 100000 steps exhausted").contains("spinner.exe");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void dumpIsTheSnapshotAndInvariantsReportHealth() {
        assertThat(LabMachine.ok(machine, ".dump").output()).isEqualTo(machine.snapshotJson());
        assertThat(LabMachine.ok(machine, ".invariants").output()).isEqualTo("All invariants hold.");
        assertThat(machine.snapshotJson()).contains("\"UniqueProcessId\": \"0x4\"").contains("\"ActiveThreads\"")
                .contains("\"InheritedFromUniqueProcessId\"").contains("\"SuspendCount\"").contains("\"DirectoryTableBase\"");
    }

    @Test
    void registryAndFileCommandsEditTheMachine() {
        LabMachine.ok(machine, ".reg add HKLM\\SOFTWARE\\Lab Answer 42");
        assertThat(machine.kernel().registry.openKey("HKLM\\SOFTWARE\\Lab").values).containsEntry("Answer", "42");
        LabMachine.ok(machine, ".reg delete HKLM\\SOFTWARE\\Lab Answer");
        assertThat(machine.kernel().registry.openKey("HKLM\\SOFTWARE\\Lab").values).isEmpty();
        LabMachine.ok(machine, ".reg delete HKLM\\SOFTWARE\\Lab");
        assertThat(machine.kernel().registry.openKey("HKLM\\SOFTWARE\\Lab")).isNull();
        LabMachine.ok(machine, ".file add C:\\Temp\\go.cmd C:\\Tools\\worker.exe");
        assertThat(machine.kernel().volume.find("c:\\temp\\GO.cmd").content()).isEqualTo("C:\\Tools\\worker.exe");
        assertThat(LabMachine.ok(machine, ".fail csr").output()).contains("csr");
    }

    @Test
    void aFailedApiIsStillAnAcceptedCommand() {
        CommandResult result = machine.execute(".call explorer.exe CloseHandle 0x400");

        assertThat(result.accepted()).isTrue();
        assertThat(result.output()).isEqualTo("CloseHandle(0x400) returned FALSE\nLastError: 0x6 (ERROR_INVALID_HANDLE)");
    }
}
