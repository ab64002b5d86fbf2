package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.ps.EProcess;
import org.junit.jupiter.api.Test;

/**
 * Windows 10's form of seed 003/004's rule: KERNELBASE!CreateProcessInternalW sets
 * PS_CREATE_INFO.InitState.IFEOSkipDebugger (ntdiff/headers Win8 _PS_CREATE_INFO.h, bit 2) for a
 * DEBUG_PROCESS or DEBUG_ONLY_THIS_PROCESS creation by a caller whose PEB has
 * ReadImageFileExecOptions clear, and NtCreateUserProcess then leaves the IFEO Debugger value
 * alone: the debugger IFEO starts can create its target without being started again. PerfOptions
 * are still read.
 */
class ModernIfeoDebugFlagsTest {
    private static final String IFEO = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\calc.exe";

    private final Machine machine = LabMachine.boot();

    private boolean running(String image) {
        return LabMachine.ok(machine, "!process 0 0 " + image).output().contains("Image: " + image);
    }

    @Test
    void withoutADebugFlagTheDebuggerRunsInsteadOfTheImage() {
        LabMachine.ok(machine, ".reg add \"" + IFEO + "\" Debugger C:\\Windows\\System32\\notepad.exe");

        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe").output()).contains("returned TRUE");

        assertThat(running("calc.exe")).isFalse();
        assertThat(LabMachine.process(machine, "notepad.exe").peb.commandLine).endsWithIgnoringCase(" C:\\Windows\\System32\\calc.exe");
    }

    @Test
    void aDebuggersOwnCreationRunsTheImageAndStillReadsPerfOptions() {
        LabMachine.ok(machine, ".reg add \"" + IFEO + "\" Debugger C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, ".reg add \"" + IFEO + "\\PerfOptions\" CpuPriorityClass 3");

        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe DEBUG_PROCESS").output()).contains("returned TRUE");

        assertThat(running("notepad.exe")).isFalse();
        EProcess calc = LabMachine.process(machine, "calc.exe");
        assertThat(calc.debugPort).isNotNull();
        assertThat(calc.priorityClass).isEqualTo("HIGH");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void aCallerWithReadImageFileExecOptionsStillGetsTheDebugger() {
        LabMachine.ok(machine, ".reg add \"" + IFEO + "\" Debugger C:\\Windows\\System32\\notepad.exe");
        LabMachine.process(machine, "explorer.exe").peb.readImageFileExecOptions = true;

        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe DEBUG_ONLY_THIS_PROCESS");

        assertThat(running("calc.exe")).isFalse();
        assertThat(running("notepad.exe")).isTrue();
    }
}
