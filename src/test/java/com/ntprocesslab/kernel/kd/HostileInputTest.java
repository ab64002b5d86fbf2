package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The worst inputs a student can type: each is refused with a message that names the problem
 * and leaves the machine's snapshot exactly as it was, or is a call Windows itself fails, which
 * returns its error and changes nothing but the thread's last error; all of them finish at once
 * (the dumps are bounded to L400, the strings to what a UNICODE_STRING holds).
 */
class HostileInputTest {
    private static final String SERVICES = "\\Registry\\Machine\\System\\CurrentControlSet\\Services\\";
    /** Far above the few milliseconds each takes, so a loaded machine does not fail it; a loop over a huge range would. */
    private static final long BOUND_MS = 3_000;

    /** Refused before anything runs. */
    static List<String> refused() {
        return List.of(
                "dq 0 L?ffffffff", "dd 0 L?80000000", "dq ffffffff`ffffffff L2", "dq fffffffffffffff8 L400", "dd -1", "dq -0x10",
                "dq nt!PsActiveProcessHead+ffffffffffffffff", "dq nt!PsActiveProcessHead-1", "dd nt!PsActiveProcessHead L401",
                "dq " + "f".repeat(5000), "dd nt!PsActiveProcessHead L?fffffffffffffffffffff", "db 0 L?ffffffff",
                ".call lsass.exe NtLoadDriver", ".call lsass.exe NtLoadDriver \"\"",
                ".call lsass.exe NtLoadDriver " + SERVICES + "procmon extra",
                ".call lsass.exe NtLoadDriver " + SERVICES + "B".repeat(40_000),
                ".call explorer.exe CreateThread " + "W".repeat(40_000),
                ".call explorer.exe CreateThread Worker 0xffffffffffffffffff",
                ".call explorer.exe CreateRemoteThread -1 -1 -1 -1 -1 -1 -1 -1",
                ".call explorer.exe DuplicateHandle -1 -1 -1 0xffffffffffffffff FALSE 0",
                ".call explorer.exe DuplicateHandle -1 -1 -1 0 FALSE 0xffffffff",
                ".call explorer.exe DuplicateHandle -1 -1 0x3 0 MAYBE 0",
                ".call explorer.exe WaitForSingleObject -1 0xffffffffffffffff",
                ".call explorer.exe WaitForSingleObject -1 -5",
                ".call explorer.exe WaitForSingleObject -1 99999999999999999999999",
                ".call explorer.exe SetPriorityClass -1 garbage",
                ".call explorer.exe CreateProcessW notepad.exe lpCommandLine=\"" + "A".repeat(40_000) + "\"",
                ".call explorer.exe CreateProcessW \"notepad.exe",
                ".call explorer.exe CreateProcessW lpCommandLine=\"\"\"",
                ".call explorer.exe CreateProcessW " + "\"a\" ".repeat(5000));
    }

    /** Calls Windows fails, with the error it sets (the profile's, where they differ). */
    static Map<String, String> failing(Profile profile) {
        boolean xp = profile == Profile.CLASSIC;
        return Map.ofEntries(
                Map.entry(".call lsass.exe NtLoadDriver " + SERVICES + "nosuch", "STATUS_OBJECT_NAME_NOT_FOUND"),
                Map.entry(".call lsass.exe NtLoadDriver \"" + SERVICES + "proc mon\"", "STATUS_OBJECT_NAME_NOT_FOUND"),
                Map.entry(".call lsass.exe NtLoadDriver procmon", "STATUS_OBJECT_NAME_INVALID"),
                Map.entry(".call explorer.exe CreateThread Worker CREATE_SUSPENDED|0xffffffff", "ERROR_INVALID_PARAMETER"),
                Map.entry(".call explorer.exe CreateRemoteThread 0x7ffffffc Worker", "ERROR_INVALID_HANDLE"),
                Map.entry(".call explorer.exe CreateRemoteThread 0 Worker", "ERROR_INVALID_HANDLE"),
                // ACCESS_SYSTEM_SECURITY survives ObDuplicateObject's ValidAccessMask and needs SeSecurityPrivilege
                Map.entry(".call explorer.exe DuplicateHandle -1 -1 -1 0xffffffff FALSE 0", "ERROR_PRIVILEGE_NOT_HELD"),
                Map.entry(".call explorer.exe DuplicateHandle 0x7ffffffc -1 -1 0 FALSE 0", "ERROR_INVALID_HANDLE"),
                Map.entry(".call explorer.exe DuplicateHandle -1 0x3 -1 0 FALSE DUPLICATE_SAME_ACCESS", "ERROR_INVALID_HANDLE"),
                Map.entry(".call explorer.exe WaitForSingleObject 0x7ffffffc 0", "ERROR_INVALID_HANDLE"),
                Map.entry(".call explorer.exe SetPriorityClass -1 0xffffffff", "ERROR_INVALID_PARAMETER"),
                Map.entry(".call explorer.exe SetPriorityClass -1 0x40|0x80", "ERROR_INVALID_PARAMETER"),
                Map.entry(".call explorer.exe SetPriorityClass 0x7ffffffc 0x20", "ERROR_INVALID_HANDLE"),
                // a 40,000-character path is the command line too: too long for Windows 10, no such directory for XP
                Map.entry(".call explorer.exe CreateProcessW C:\\" + "d\\".repeat(20_000) + "notepad.exe",
                        xp ? "ERROR_PATH_NOT_FOUND" : "ERROR_FILENAME_EXCED_RANGE"),
                // Windows 10: RtlInitUnicodeStringEx refuses a command line over 32,767 characters (XP's ANSI environment limit is its own)
                Map.entry(".call explorer.exe CreateProcessW lpCommandLine=\"notepad.exe " + "A".repeat(40_000) + "\"",
                        xp ? "returned TRUE" : "ERROR_FILENAME_EXCED_RANGE"),
                Map.entry(".call explorer.exe CreateProcessW notepad.exe lpEnvironment=\"X=" + "y".repeat(100_000) + "\"",
                        xp ? "ERROR_INVALID_PARAMETER" : "returned TRUE"));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void refusedInputChangesNothingAndSaysWhy(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        for (String command : refused()) {
            String before = machine.snapshotJson();
            long start = System.nanoTime();
            CommandResult result = machine.execute(command);
            long ms = (System.nanoTime() - start) / 1_000_000;

            String shown = command.length() > 80 ? command.substring(0, 80) + "..." : command;
            assertThat(result.accepted()).as(shown).isFalse();
            assertThat(result.output()).as(shown).containsPattern("^(Syntax error|Range error|Memory access error|Couldn't resolve error|Unknown command)");
            assertThat(machine.snapshotJson()).as(shown).isEqualTo(before);
            assertThat(ms).as(shown).isLessThan(BOUND_MS);
        }
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aCallWindowsFailsReturnsItsErrorAndChangesNothingElse(Profile profile) {
        for (Map.Entry<String, String> e : failing(profile).entrySet()) {
            String shown = e.getKey().length() > 80 ? e.getKey().substring(0, 80) + "..." : e.getKey();
            Machine machine = LabMachine.boot(profile);
            Object before = LabMachine.timeless(machine);
            long start = System.nanoTime();
            String output = LabMachine.ok(machine, e.getKey()).output();
            if (output.contains("is waiting; run g")) {
                output = LabMachine.ok(machine, "g").output();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;

            assertThat(output).as(shown).contains(e.getValue());
            assertThat(ms).as(shown).isLessThan(BOUND_MS);
            assertThat(machine.checkInvariants()).as(shown).isEmpty();
            if (!e.getValue().equals("returned TRUE")) {
                assertThat(LabMachine.timeless(machine)).as(shown).isEqualTo(before);
            }
        }
    }

    /** INFINITE and the longest finite timeout are waits like any other: the call waits, and g ends a finite one with WAIT_TIMEOUT. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void extremeTimeoutsAreWaitsNotErrors(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        assertThat(LabMachine.ok(machine, ".call explorer.exe WaitForSingleObject -1 0xfffffffe").output()).contains("is waiting");
        long start = System.nanoTime();
        assertThat(LabMachine.ok(machine, "g").output()).contains("WAIT_TIMEOUT");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(BOUND_MS);

        assertThat(LabMachine.ok(machine, ".call explorer.exe WaitForSingleObject -1 INFINITE").output()).contains("is waiting");
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
