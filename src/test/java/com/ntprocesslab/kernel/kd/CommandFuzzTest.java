package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Random (but seeded) command streams: nothing throws, rejections change nothing, invariants hold. */
class CommandFuzzTest {
    private static final List<String> CALLERS = List.of("explorer.exe", "notepad.exe", "winlogon.exe", "csrss.exe", "smss.exe",
            "launcher.exe", "0x4c", "4", "12", "System", "nosuch.exe");
    private static final List<String> APIS = List.of(
            "CreateProcessW notepad.exe", "CreateProcessW C:\\Tools\\launcher.exe", "CreateProcessW C:\\Tools\\crasher.exe",
            "CreateProcessW calc.exe CREATE_SUSPENDED", "CreateProcessW C:\\Tools\\run-worker.cmd", "CreateProcessW nosuch.exe",
            "CreateProcessW notepad.exe CREATE_NEW_CONSOLE|DETACHED_PROCESS", "CreateProcessA cmd.exe", "CreateProcessW C:\\Tools\\spinner.exe",
            "TerminateProcess 0xc 1", "TerminateProcess 0x14 2", "TerminateProcess -1 3", "CloseHandle 0xc", "CloseHandle 0x10",
            "CloseHandle 0x14", "CloseHandle 0x18", "ResumeThread 0x10", "ResumeThread 0x18", "SuspendThread 0x10", "SuspendThread -2",
            "OpenProcess PROCESS_ALL_ACCESS 0x44", "OpenProcess SYNCHRONIZE 0x4c", "OpenProcess PROCESS_TERMINATE 0x2c", "ExitProcess 4",
            "ExitThread 5", "WaitForSingleObject 0xc 0", "WaitForSingleObject 0xc", "GetExitCodeProcess 0xc", "GetLastError",
            "CreateEventW", "LogonUserW guest", "CloseHandle zz", "Bogus 1");
    private static final List<String> OTHERS = List.of("g", "!process 0 0", ".fail peb", ".fail handle", ".fail csr", ".fail thread",
            ".fail cid", ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\calc.exe\" Debugger notepad.exe",
            ".reg delete \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\calc.exe\"",
            ".file add C:\\Temp\\a.cmd calc.exe", ".invariants", "t", ".call", "!process", ".fail");

    @ParameterizedTest
    @EnumSource(Profile.class)
    void randomCommandStreamsNeverBreakTheMachine(Profile profile) {
        for (int seed = 1; seed <= 6; seed++) {
            Random random = new Random(seed);
            Machine machine = Machine.boot(profile);
            for (int i = 0; i < 150; i++) {
                String command = random.nextInt(4) == 0 ? OTHERS.get(random.nextInt(OTHERS.size()))
                        : ".call " + CALLERS.get(random.nextInt(CALLERS.size())) + " " + APIS.get(random.nextInt(APIS.size()));
                String before = machine.snapshotJson();
                CommandResult result = machine.execute(command);
                if (!result.accepted()) {
                    assertThat(machine.snapshotJson()).as("seed %d command %d: %s", seed, i, command).isEqualTo(before);
                }
                assertThat(machine.checkInvariants()).as("seed %d command %d: %s -> %s", seed, i, command, result.output()).isEmpty();
            }
        }
    }
}
