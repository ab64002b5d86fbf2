package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Assertions of Wine's dlls/kernel32/tests/process.c (wine-mirror/wine) that the machine can
 * express, translated into the command language; each names the Wine test it comes from. What
 * cannot be expressed here (pipes and files the child writes, consoles, VirtualAllocEx,
 * ReadProcessMemory, toolhelp snapshots, WaitForDebugEvent) is left out, not faked.
 */
class WineProcessTestsTest {
    private record Check(String wineTest, String description, Predicate<Machine> holds) {
    }

    private static String call(Machine m, String text) {
        return LabMachine.ok(m, ".call explorer.exe " + text).output();
    }

    private static long returned(String output) {
        String v = output.substring(output.indexOf("returned ") + 9, output.indexOf('\n')).trim().split(" ")[0];
        return v.equals("TRUE") ? 1 : v.equals("FALSE") || v.equals("NULL") ? 0 : Long.decode(v);
    }

    private static long field(String output, String name) {
        int at = output.indexOf(name + ": ");
        return Long.decode(output.substring(at + name.length() + 2).split("[ \n]")[0]);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** A machine with notepad running, its handles at $hProcess/$hThread. */
    private static Machine withChild(Profile profile) {
        Machine m = LabMachine.boot(profile);
        call(m, "CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(m, "g");
        return m;
    }

    private static List<Check> checks(Profile profile) {
        boolean xp = profile == Profile.CLASSIC;
        List<Check> c = new ArrayList<>();
        c.add(new Check("test_CommandLine", "empty lpApplicationName fails with ERROR_PATH_NOT_FOUND",
                m -> call(m, "CreateProcessW lpApplicationName=").contains("ERROR_PATH_NOT_FOUND")));
        c.add(new Check("test_CommandLine", "empty application and command line: ERROR_PATH_NOT_FOUND",
                m -> call(m, "CreateProcessW lpApplicationName= lpCommandLine=").contains("ERROR_PATH_NOT_FOUND")));
        // Wine accepts FILE_NOT_FOUND (XP) or INVALID_PARAMETER ("Win7") for a NULL name and an empty line
        c.add(new Check("test_CommandLine", "NULL lpApplicationName, empty command line",
                m -> call(m, "CreateProcessW lpCommandLine=").contains(xp ? "ERROR_FILE_NOT_FOUND" : "ERROR_INVALID_PARAMETER")));
        c.add(new Check("test_CommandLine", "nonexistent lpApplicationName: ERROR_FILE_NOT_FOUND",
                m -> call(m, "CreateProcessW lpApplicationName=doesnotexist.exe").contains("ERROR_FILE_NOT_FOUND")));
        c.add(new Check("test_CommandLine", "nonexistent lpApplicationName with spaces: ERROR_FILE_NOT_FOUND",
                m -> call(m, "CreateProcessW \"lpApplicationName=does not exist.exe\"").contains("ERROR_FILE_NOT_FOUND")));
        c.add(new Check("test_CommandLine", "nonexistent command line: ERROR_FILE_NOT_FOUND",
                m -> call(m, "CreateProcessW doesnotexist.exe").contains("ERROR_FILE_NOT_FOUND")));
        c.add(new Check("test_CommandLine", "nonexistent command line with spaces: ERROR_FILE_NOT_FOUND",
                m -> call(m, "CreateProcessW \"does not exist.exe\"").contains("ERROR_FILE_NOT_FOUND")));
        c.add(new Check("test_CommandLine", "a failed creation leaves PROCESS_INFORMATION empty",
                m -> !call(m, "CreateProcessW lpApplicationName=t:\\NotADir\\NotAFile.exe").contains("hProcess")));
        c.add(new Check("test_CommandLine", "lpApplicationName runs, the command line is passed as given",
                m -> {
                    call(m, "CreateProcessW lpApplicationName=C:\\Windows\\System32\\calc.exe \"lpCommandLine=dummy process dump\"");
                    return "dummy process dump".equals(LabMachine.process(m, "calc.exe").peb.commandLine);
                }));
        c.add(new Check("test_Directory", "the child's current directory is lpCurrentDirectory",
                m -> {
                    call(m, "CreateProcessW notepad.exe lpCurrentDirectory=C:\\Windows");
                    return "C:\\Windows\\".equals(LabMachine.process(m, "notepad.exe").peb.currentDirectory);
                }));
        c.add(new Check("test_Directory", "a bare name is searched when no directory is given",
                m -> returned(call(m, "CreateProcessW calc.exe")) == 1));
        c.add(new Check("test_Directory", "a bad directory fails with ERROR_DIRECTORY and no child",
                m -> {
                    int before = m.kernel().processes().size();
                    String out = call(m, "CreateProcessW calc.exe lpCurrentDirectory=non\\existent\\directory");
                    return out.contains("ERROR_DIRECTORY") && m.kernel().processes().size() == before;
                }));
        c.add(new Check("test_Startup", "lpTitle and lpDesktop reach the child",
                m -> {
                    call(m, "CreateProcessW notepad.exe lpTitle=Title lpDesktop=WinSta0\\Default wShowWindow=SW_SHOWNORMAL");
                    EProcess p = LabMachine.process(m, "notepad.exe");
                    return "Title".equals(p.peb.windowTitle) && "WinSta0\\Default".equals(p.peb.desktopInfo)
                            && p.peb.windowFlags == 1 && p.peb.showWindowFlags == 1;
                }));
        c.add(new Check("test_Environment", "lpEnvironment is the child's environment",
                m -> {
                    call(m, "CreateProcessW notepad.exe lpEnvironment=FOO=bar;BAR=baz");
                    return List.of("FOO=bar", "BAR=baz").equals(LabMachine.process(m, "notepad.exe").peb.environment);
                }));
        c.add(new Check("test_SuspendFlag", "CREATE_SUSPENDED: the thread's suspend count is 1, ResumeThread returns 1",
                m -> {
                    call(m, "CreateProcessW notepad.exe CREATE_SUSPENDED");
                    return returned(call(m, "ResumeThread $hThread")) == 1;
                }));
        c.add(new Check("test_ExitCode", "a running child's exit code is STILL_ACTIVE",
                m -> withChildOutput(m, "GetExitCodeProcess $hProcess").contains("STILL_ACTIVE")));
        c.add(new Check("test_TerminateProcess", "TerminateProcess, then the wait is satisfied with the code",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    LabMachine.ok(m, "g");
                    call(m, "TerminateProcess $hProcess 0x7");
                    LabMachine.ok(m, "g");
                    return returned(call(m, "WaitForSingleObject $hProcess 0")) == 0
                            && field(call(m, "GetExitCodeProcess $hProcess"), "ExitCode") == 7;
                }));
        c.add(new Check("test_WaitTimeout", "WaitForSingleObject on a running process with 100 ms times out (0x102)",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    LabMachine.ok(m, "g");
                    LabMachine.ok(m, ".call explorer.exe WaitForSingleObject $hProcess 100");
                    long before = m.kernel().clock();
                    String out = LabMachine.ok(m, "g").output();
                    return out.contains("WAIT_TIMEOUT") && m.kernel().clock() - before >= 100 * 10_000L;
                }));
        c.add(new Check("test_DuplicateHandle", "DUPLICATE_SAME_ACCESS gives the same access; CLOSE_SOURCE closes the source",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    long source = m.kernel().lastCreatedProcess.field("hProcess");
                    var table = LabMachine.process(m, "explorer.exe").objectTable;
                    long access = table.lookup(source).grantedAccess();
                    int before = table.handleCount();
                    String out = call(m, "DuplicateHandle -1 $hProcess -1 0 FALSE DUPLICATE_SAME_ACCESS|DUPLICATE_CLOSE_SOURCE");
                    long dup = field(out, "TargetHandle");
                    // one handle closed, one made
                    return returned(out) == 1 && table.lookup(dup).grantedAccess() == access && table.handleCount() == before;
                }));
        // the source is closed before the copy is inserted (WRK ObDuplicateObject) and the freed slot is reused first (ExpFreeHandleTableEntry)
        c.add(new Check("test_DuplicateHandle", "DUPLICATE_CLOSE_SOURCE within the process returns the source's value (f == out)",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    long source = m.kernel().lastCreatedProcess.field("hProcess");
                    String out = call(m, "DuplicateHandle -1 " + hex(source) + " -1 0 FALSE DUPLICATE_SAME_ACCESS|DUPLICATE_CLOSE_SOURCE");
                    return returned(out) == 1 && field(out, "TargetHandle") == source;
                }));
        c.add(new Check("test_DuplicateHandle", "DUPLICATE_CLOSE_SOURCE with bInheritHandle TRUE: the same value, now inheritable",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    long source = m.kernel().lastCreatedProcess.field("hProcess");
                    String out = call(m, "DuplicateHandle -1 " + hex(source) + " -1 0 TRUE DUPLICATE_SAME_ACCESS|DUPLICATE_CLOSE_SOURCE");
                    return field(out, "TargetHandle") == source && field(call(m, "GetHandleInformation " + hex(source)), "Flags") == 1;
                }));
        // test_ExitCode opens the child with PROCESS_QUERY_INFORMATION; from Vista on that also grants PROCESS_QUERY_LIMITED_INFORMATION (Microsoft Learn)
        c.add(new Check("test_OpenProcess", "GetExitCodeProcess works through an OpenProcess(PROCESS_QUERY_INFORMATION) handle",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    LabMachine.ok(m, "g");
                    long h = returned(call(m, "OpenProcess PROCESS_QUERY_INFORMATION " + hex(LabMachine.process(m, "notepad.exe").uniqueProcessId)));
                    String out = call(m, "GetExitCodeProcess " + hex(h));
                    return returned(out) == 1 && out.contains("STILL_ACTIVE");
                }));
        c.add(new Check("test_DuplicateHandle", "a pseudo handle duplicates into a real process handle",
                m -> {
                    String out = call(m, "DuplicateHandle -1 -1 -1 0 FALSE DUPLICATE_SAME_ACCESS");
                    return returned(out) == 1 && LabMachine.process(m, "explorer.exe").objectTable.lookup(field(out, "TargetHandle")).object()
                            == LabMachine.process(m, "explorer.exe");
                }));
        c.add(new Check("test_OpenProcess", "without PROCESS_DUP_HANDLE, DuplicateHandle is denied",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    long h = returned(call(m, "OpenProcess PROCESS_QUERY_INFORMATION " + hex(LabMachine.process(m, "notepad.exe").uniqueProcessId)));
                    return call(m, "DuplicateHandle " + hex(h) + " -1 -1 0 FALSE DUPLICATE_SAME_ACCESS").contains("ERROR_ACCESS_DENIED");
                }));
        c.add(new Check("test_handle_inheritance", "bInheritHandles copies an inheritable handle at the same value",
                m -> {
                    long h = returned(call(m, "OpenProcess PROCESS_QUERY_INFORMATION TRUE " + hex(LabMachine.process(m, "explorer.exe").uniqueProcessId)));
                    call(m, "CreateProcessW notepad.exe bInheritHandles=TRUE");
                    var entry = LabMachine.process(m, "notepad.exe").objectTable.lookup(h);
                    return entry != null && entry.inherit() && entry.object() == LabMachine.process(m, "explorer.exe");
                }));
        c.add(new Check("test_handle_inheritance", "without bInheritHandles nothing is copied",
                m -> {
                    long h = returned(call(m, "OpenProcess PROCESS_QUERY_INFORMATION TRUE " + hex(LabMachine.process(m, "explorer.exe").uniqueProcessId)));
                    call(m, "CreateProcessW notepad.exe");
                    return LabMachine.process(m, "notepad.exe").objectTable.lookup(h) == null;
                }));
        c.add(new Check("test_handle_inheritance", "SetHandleInformation(HANDLE_FLAG_INHERIT) makes a handle inheritable",
                m -> {
                    long h = returned(call(m, "OpenProcess PROCESS_QUERY_INFORMATION " + hex(LabMachine.process(m, "explorer.exe").uniqueProcessId)));
                    call(m, "SetHandleInformation " + hex(h) + " HANDLE_FLAG_INHERIT HANDLE_FLAG_INHERIT");
                    return field(call(m, "GetHandleInformation " + hex(h)), "Flags") == 1;
                }));
        c.add(new Check("test_GetProcessPriority", "a new process is NORMAL_PRIORITY_CLASS; SetPriorityClass changes it",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    boolean normal = returned(call(m, "GetPriorityClass $hProcess")) == 0x20;
                    call(m, "SetPriorityClass $hProcess IDLE_PRIORITY_CLASS");
                    return normal && returned(call(m, "GetPriorityClass $hProcess")) == 0x40;
                }));
        c.add(new Check("test_GetProcessPriority", "an invalid class fails with ERROR_INVALID_PARAMETER",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    return call(m, "SetPriorityClass $hProcess 0x3").contains("ERROR_INVALID_PARAMETER");
                }));
        c.add(new Check("test_NtSuspendProcess", "NtSuspendProcess raises the thread's suspend count, NtResumeProcess lowers it",
                m -> {
                    call(m, "CreateProcessW notepad.exe");
                    LabMachine.ok(m, "g");
                    call(m, "NtSuspendProcess $hProcess");
                    var thread = LabMachine.process(m, "notepad.exe").threadListHead.owners().get(0);
                    boolean suspended = thread.tcb.suspendCount == 1;
                    call(m, "NtResumeProcess $hProcess");
                    return suspended && thread.tcb.suspendCount == 0;
                }));
        return c;
    }

    private static String withChildOutput(Machine m, String text) {
        call(m, "CreateProcessW notepad.exe");
        LabMachine.ok(m, "g");
        return call(m, text);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyExpressibleWineAssertionHolds(Profile profile) {
        List<Check> checks = checks(profile);
        List<String> failed = new ArrayList<>();
        for (Check check : checks) {
            Machine m = LabMachine.boot(profile);
            String problem;
            try {
                problem = check.holds().test(m) ? null : "does not hold";
            } catch (RuntimeException | AssertionError e) {
                problem = e.toString();
            }
            if (problem != null) {
                failed.add(check.wineTest() + ": " + check.description() + ": " + problem);
            }
        }
        System.out.printf("Wine process tests on %s: %d of %d pass%n", profile, checks.size() - failed.size(), checks.size());
        assertThat(failed).isEmpty();
    }
}
