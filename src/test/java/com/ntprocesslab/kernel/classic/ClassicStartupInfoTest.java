package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.mm.StartupParameters;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What XP's CreateProcessInternalW does to STARTUPINFO and lpEnvironment before it looks for the
 * image: seed 004 (Windows 2000's CreateProcessW, lines 185-228 and 253-267), seed 003 step 6
 * (SP3: a given lpEnvironment is converted from ANSI), ReactOS dll/win32/kernel32/client/proc.c
 * CreateProcessInternalW (the same two rules, and the MAXUSHORT limit of the ANSI block).
 */
class ClassicStartupInfoTest {
    private static final String NOTEPAD = "C:\\Windows\\System32\\notepad.exe";
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final List<String> symbols = new ArrayList<>();

    private String create(String api, String arguments) {
        symbols.clear();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        String out = LabMachine.ok(machine, ".call explorer.exe " + api + " " + arguments).output();
        machine.engine().setListener(null);
        return out;
    }

    private String peb(EProcess p) {
        // every XP PEB sits at 7ffdf000: the address means the current process's, as in WinDbg after .process /p /r
        LabMachine.ok(machine, ".process /p /r " + Long.toHexString(p.address));
        return LabMachine.ok(machine, "!peb " + Long.toHexString(p.peb.address)).output();
    }

    /** The steps kernel32!CreateProcessInternalW makes before RtlDosPathNameToNtPathName_U (the A thunk's own steps left out). */
    private List<String> beforeTheImageIsLookedFor() {
        int from = symbols.indexOf("kernel32!CreateProcessInternalW");
        int to = symbols.indexOf("ntdll!RtlDosPathNameToNtPathName_U");
        assertThat(from).isNotNegative().isLessThan(to);
        return symbols.subList(from, to);
    }

    // seed 004 lines 255-267 and ReactOS: STARTF_USEHOTKEY (hStdInput is the hotkey) drops STARTF_USESTDHANDLES
    @Test
    void aHotkeyDropsTheStdHandles() {
        create("CreateProcessW", NOTEPAD + " dwFlags=STARTF_USEHOTKEY hStdInput=0x0641 hStdOutput=0x8");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.peb.windowFlags).isEqualTo(StartupParameters.STARTF_USEHOTKEY);
        assertThat(notepad.peb.standardInput).isZero();
        assertThat(notepad.peb.standardOutput).isZero();
        assertThat(peb(notepad)).contains("WindowFlags:  0x200").doesNotContain("StandardInput");
    }

    // STARTF_SHELLPRIVATE is seed 004's STARTF_HASSHELLDATA (0x400): the std handle fields carry the shell's data
    @Test
    void shellPrivateDataDropsTheStdHandles() {
        create("CreateProcessW", NOTEPAD + " dwFlags=STARTF_SHELLPRIVATE|STARTF_USESHOWWINDOW wShowWindow=SW_SHOWMINIMIZED hStdError=0x1c");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.peb.windowFlags).isEqualTo(0x401);
        assertThat(notepad.peb.showWindowFlags).isEqualTo(2);
        assertThat(notepad.peb.standardError).isZero();
    }

    @Test
    void withoutEitherTheStdHandlesStay() {
        create("CreateProcessW", NOTEPAD + " hStdInput=0x0641 hStdOutput=0x8");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.peb.windowFlags).isEqualTo(StartupParameters.STARTF_USESTDHANDLES);
        assertThat(notepad.peb.standardInput).isEqualTo(0x641);
        assertThat(peb(notepad)).contains("StandardInput: 0x641  StandardOutput: 0x8");
    }

    // kernel32 changes its copy: the caller's STARTUPINFO keeps STARTF_USESTDHANDLES
    @Test
    void theCallersStartupInfoIsNotChanged() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW " + NOTEPAD + " dwFlags=STARTF_USEHOTKEY hStdInput=0x0641");
        LabMachine.ok(machine, "g");
        assertThat(call.call().returnValue).isEqualTo(1);
        assertThat(call.call().startup.flags).isEqualTo(0x300);
        assertThat(call.call().startup.stdInput).isEqualTo(0x641);
        assertThat(LabMachine.process(machine, "notepad.exe").peb.windowFlags).isEqualTo(0x200);
    }

    // no source says Windows 10's KERNELBASE drops the flag: the modern profile passes it on
    @Test
    void theModernProfileKeepsTheStdHandles() {
        Machine modern = LabMachine.boot(Profile.MODERN);
        LabMachine.ok(modern, ".call explorer.exe CreateProcessW " + NOTEPAD + " dwFlags=STARTF_USEHOTKEY hStdInput=0x0641");
        assertThat(LabMachine.process(modern, "notepad.exe").peb.windowFlags).isEqualTo(0x300);
    }

    // seed 003 step 6, seed 004 lines 185-228, ReactOS: without CREATE_UNICODE_ENVIRONMENT the block is ANSI and converted
    @Test
    void createProcessAsAnsiEnvironmentIsConvertedBeforeTheImageIsLookedFor() {
        create("CreateProcessA", NOTEPAD + " lpEnvironment=FOO=bar;PATH=C:\\Windows");
        assertThat(beforeTheImageIsLookedFor()).contains("ntdll!RtlAnsiStringToUnicodeString");
        assertThat(peb(LabMachine.process(machine, "notepad.exe"))).contains("Environment:\n        FOO=bar\n        PATH=C:\\Windows");
    }

    @Test
    void aUnicodeEnvironmentIsPassedAsItIs() {
        create("CreateProcessA", NOTEPAD + " CREATE_UNICODE_ENVIRONMENT lpEnvironment=FOO=bar");
        assertThat(beforeTheImageIsLookedFor()).doesNotContain("ntdll!RtlAnsiStringToUnicodeString");
        assertThat(LabMachine.process(machine, "notepad.exe").peb.environment).containsExactly("FOO=bar");
    }

    // the conversion is in CreateProcessInternalW: CreateProcessW's block without the flag is read as ANSI too
    @Test
    void createProcessWWithoutTheFlagConvertsToo() {
        create("CreateProcessW", NOTEPAD + " lpEnvironment=FOO=bar");
        assertThat(beforeTheImageIsLookedFor()).contains("ntdll!RtlAnsiStringToUnicodeString");
        assertThat(LabMachine.process(machine, "notepad.exe").peb.environment).containsExactly("FOO=bar");

        create("CreateProcessW", "C:\\Windows\\System32\\calc.exe CREATE_UNICODE_ENVIRONMENT lpEnvironment=FOO=bar");
        assertThat(beforeTheImageIsLookedFor()).doesNotContain("ntdll!RtlAnsiStringToUnicodeString");
        // no lpEnvironment: nothing to convert, the child gets the parent's
        create("CreateProcessA", "C:\\Windows\\System32\\cmd.exe");
        assertThat(beforeTheImageIsLookedFor()).doesNotContain("ntdll!RtlAnsiStringToUnicodeString");
    }

    // ReactOS: an ANSI block longer than MAXUSHORT bytes is ERROR_INVALID_PARAMETER before anything is opened
    @Test
    void anAnsiBlockOverMaxUshortIs0x57AndChangesNothing() {
        String fits = "X=" + "a".repeat(65532);     // 65534 characters + its NUL = 65535 bytes
        String tooLong = "X=" + "a".repeat(65533);  // 65536 bytes
        Object before = LabMachine.timeless(machine);
        String out = create("CreateProcessA", NOTEPAD + " lpEnvironment=" + tooLong);
        assertThat(out).contains("returned FALSE", "LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        // the A thunk converted its strings; kernel32!CreateProcessInternalW refused the block before converting it
        assertThat(symbols.subList(symbols.indexOf("kernel32!CreateProcessInternalW"), symbols.size()))
                .doesNotContain("ntdll!RtlAnsiStringToUnicodeString", "ntdll!RtlDosPathNameToNtPathName_U", "nt!NtOpenFile");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);

        // a Unicode block is not measured as an ANSI_STRING
        assertThat(create("CreateProcessA", NOTEPAD + " CREATE_UNICODE_ENVIRONMENT lpEnvironment=" + tooLong)).contains("returned TRUE");
        assertThat(create("CreateProcessA", "C:\\Windows\\System32\\calc.exe lpEnvironment=" + fits)).contains("returned TRUE");
    }

    @Test
    void anEmptyStringInsideTheBlockIsRefusedByTheParser() {
        Object before = LabMachine.timeless(machine);
        var r = machine.execute(".call explorer.exe CreateProcessA " + NOTEPAD + " lpEnvironment=A=1;;B=2");
        assertThat(r.accepted()).isFalse();
        assertThat(r.output()).contains("Syntax error at 'A=1;;B=2'", "an environment string is empty");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
    }

    @Test
    void theNewFlagNamesParseAndBadOnesAreNamed() {
        var r = machine.execute(".call explorer.exe CreateProcessW " + NOTEPAD + " dwFlags=STARTF_USEHOTKEY|STARTF_BOGUS");
        assertThat(r.accepted()).isFalse();
        assertThat(r.output()).contains("Syntax error at 'STARTF_USEHOTKEY|STARTF_BOGUS'", "expected STARTF_* flags");
    }

    // an IFEO Debugger restarts from phase 1 after the conversion (ReactOS's AppNameRetry, seed 004's VdmRetry lie after
    // it): the debugger gets the converted block and the caller's copy of STARTUPINFO, converted and changed once
    @Test
    void anIfeoRestartConvertsOnceAndKeepsTheCopy() {
        LabMachine.ok(machine, ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\calc.exe\" Debugger notepad.exe");
        create("CreateProcessA", "C:\\Windows\\System32\\calc.exe lpEnvironment=FOO=bar dwFlags=STARTF_USEHOTKEY hStdInput=0x0641");
        assertThat(symbols.stream().filter("ntdll!LdrQueryImageFileExecutionOptions"::equals).count()).isPositive();
        List<String> afterTheThunk = symbols.subList(symbols.indexOf("kernel32!CreateProcessInternalW"), symbols.size());
        long conversions = 0;
        for (int i = 0; i < afterTheThunk.size(); i++) {
            if ("ntdll!RtlAnsiStringToUnicodeString".equals(afterTheThunk.get(i)) && !"ntdll!RtlAnsiStringToUnicodeString".equals(afterTheThunk.get(i - 1))) {
                conversions++;
            }
        }
        assertThat(conversions).isEqualTo(1);
        EProcess debugger = LabMachine.process(machine, "notepad.exe");
        assertThat(debugger.peb.commandLine).contains("calc.exe");
        assertThat(debugger.peb.environment).containsExactly("FOO=bar");
        assertThat(debugger.peb.windowFlags).isEqualTo(StartupParameters.STARTF_USEHOTKEY);
    }
}
