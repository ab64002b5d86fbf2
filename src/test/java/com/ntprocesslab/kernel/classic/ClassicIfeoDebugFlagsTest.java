package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 (CreateProcessW after NtQuerySection) and seed 004 (CreateProcessW lines 983-994):
 * with DEBUG_PROCESS or DEBUG_ONLY_THIS_PROCESS, XP's CreateProcessInternalW calls
 * LdrQueryImageFileExecutionOptions for the Debugger value only if the caller's
 * PEB->ReadImageFileExecOptions is nonzero; without those flags it always does. So the debugger
 * IFEO starts creates its target as asked, instead of being started again.
 */
class ClassicIfeoDebugFlagsTest {
    private static final String IFEO_CALC = ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\calc.exe\" Debugger C:\\WINDOWS\\system32\\notepad.exe";

    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final List<String> symbols = new ArrayList<>();

    private String create(String commandLineAndFlags) {
        symbols.clear();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW " + commandLineAndFlags).output();
        machine.engine().setListener(null);
        return out;
    }

    private boolean running(String image) {
        return LabMachine.ok(machine, "!process 0 0 " + image).output().contains("Image: " + image);
    }

    @Test
    void withoutADebugFlagTheDebuggerRunsInsteadOfTheImage() {
        LabMachine.ok(machine, IFEO_CALC);
        assertThat(create("C:\\WINDOWS\\system32\\calc.exe")).contains("returned TRUE");

        assertThat(symbols).contains("ntdll!LdrQueryImageFileExecutionOptions");
        assertThat(running("calc.exe")).isFalse();
        assertThat(LabMachine.process(machine, "notepad.exe").peb.commandLine).isEqualToIgnoringCase("C:\\WINDOWS\\system32\\notepad.exe C:\\WINDOWS\\system32\\calc.exe");
    }

    @Test
    void debugProcessCreatesTheImageItselfWithoutAskingForTheDebugger() {
        LabMachine.ok(machine, IFEO_CALC);
        assertThat(create("C:\\WINDOWS\\system32\\calc.exe DEBUG_PROCESS")).contains("returned TRUE");

        assertThat(symbols).contains("kernel32!BasepIsImageVersionOk", "nt!NtCreateProcessEx").doesNotContain("ntdll!LdrQueryImageFileExecutionOptions");
        assertThat(running("notepad.exe")).isFalse();
        EProcess calc = LabMachine.process(machine, "calc.exe");
        assertThat(calc.debugPort).isNotNull();
        assertThat(calc.peb.commandLine).isEqualToIgnoringCase("C:\\WINDOWS\\system32\\calc.exe");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void debugOnlyThisProcessCreatesTheImageItselfToo() {
        LabMachine.ok(machine, IFEO_CALC);
        create("C:\\WINDOWS\\system32\\calc.exe DEBUG_ONLY_THIS_PROCESS");

        assertThat(symbols).doesNotContain("ntdll!LdrQueryImageFileExecutionOptions");
        assertThat(running("calc.exe")).isTrue();
        assertThat(running("notepad.exe")).isFalse();
    }

    @Test
    void aCallerWithReadImageFileExecOptionsStillGetsTheDebugger() {
        LabMachine.ok(machine, IFEO_CALC);
        LabMachine.process(machine, "explorer.exe").peb.readImageFileExecOptions = true;
        create("C:\\WINDOWS\\system32\\calc.exe DEBUG_PROCESS");

        assertThat(symbols).contains("ntdll!LdrQueryImageFileExecutionOptions");
        assertThat(running("calc.exe")).isFalse();
        assertThat(LabMachine.process(machine, "notepad.exe").peb.commandLine).endsWithIgnoringCase(" C:\\WINDOWS\\system32\\calc.exe");
    }
}
