package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Windows 10's CreateProcessInternalW asks BasepIsRealtimeAllowed only when REALTIME is the class
 * chosen (ReactOS dll/win32/kernel32/client/proc.c CreateProcessInternalW: "Is realtime priority
 * being requested?"; seed 004 lines 129-135 and seed 003 for the same rule in Windows 2000 and XP;
 * seed 001 stage 1, "priority determination"). Without SeIncreaseBasePriorityPrivilege the class
 * is HIGH.
 */
class ModernRealtimeCheckTest {
    private final Machine machine = LabMachine.boot(Profile.MODERN);
    private final List<String> symbols = new ArrayList<>();

    private void create(String caller, String commandLineAndFlags) {
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, ".call " + caller + " CreateProcessW " + commandLineAndFlags);
        machine.engine().setListener(null);
    }

    @Test
    void noRealtimeCheckWhenNoClassOrAnotherClassIsAsked() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe");
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe HIGH_PRIORITY_CLASS|REALTIME_PRIORITY_CLASS");

        assertThat(symbols).contains("ntdll!RtlDosPathNameToNtPathName_U").doesNotContain("KERNELBASE!BasepIsRealtimeAllowed");
    }

    @Test
    void realtimeIsCheckedAndFallsBackToHighWithoutThePrivilege() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe REALTIME_PRIORITY_CLASS");

        assertThat(symbols).containsSubsequence("KERNELBASE!BasepIsRealtimeAllowed", "ntdll!RtlDosPathNameToNtPathName_U");
        assertThat(LabMachine.process(machine, "notepad.exe").priorityClass).isEqualTo("HIGH");
    }

    @Test
    void realtimeStaysRealtimeForACallerHoldingThePrivilege() {
        // winlogon runs as SYSTEM, whose token holds SeIncreaseBasePriorityPrivilege
        create("winlogon.exe", "C:\\Windows\\System32\\notepad.exe REALTIME_PRIORITY_CLASS");

        assertThat(symbols).contains("KERNELBASE!BasepIsRealtimeAllowed");
        assertThat(LabMachine.process(machine, "notepad.exe").priorityClass).isEqualTo("REALTIME");
    }
}
