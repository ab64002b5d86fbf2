package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CreateProcessWithLogonW / CreateProcessWithTokenW (Microsoft Learn): the secondary logon's
 * sequence as ReactOS's seclogon SeclCreateProcessWithLogonW runs it (LogonUser, then
 * CreateProcessAsUserW), the PROCESS_INFORMATION CreateProcessW returns, dwLogonFlags limited
 * to LOGON_WITH_PROFILE | LOGON_NETCREDENTIALS_ONLY, SE_IMPERSONATE_NAME for the token form.
 */
class LogonCreationTest {
    private static String call(Machine m, String caller, String text) {
        return LabMachine.ok(m, ".call " + caller + " " + text).output();
    }

    private static long field(String output, String name) {
        int at = output.indexOf(name + ": ");
        return Long.decode(output.substring(at + name.length() + 2).split("[ \n]")[0]);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void withLogonReturnsProcessInformationForAProcessRunningAsTheUser(Profile profile) {
        Machine m = LabMachine.boot(profile);
        EProcess explorer = LabMachine.process(m, "explorer.exe");
        int handlesBefore = explorer.objectTable.handleCount();

        String out = call(m, "explorer.exe", "CreateProcessWithLogonW alice C:\\Windows\\System32\\notepad.exe dwLogonFlags=LOGON_WITH_PROFILE");

        assertThat(out).contains("returned TRUE", "hProcess: ", "hThread: ", "dwProcessId: ");
        EProcess notepad = LabMachine.process(m, "notepad.exe");
        assertThat(notepad.token.user).isEqualTo("NTLAB\\alice");
        // Vista on, seclogon makes the caller the parent (PROC_THREAD_ATTRIBUTE_PARENT_PROCESS); the XP machine's caller creates it itself
        assertThat(notepad.inheritedFromUniqueProcessId).isEqualTo(explorer.uniqueProcessId);
        assertThat(field(out, "dwProcessId")).isEqualTo(notepad.uniqueProcessId);
        assertThat(explorer.objectTable.lookup(field(out, "hProcess")).object()).isSameAs(notepad);
        // the logon token is closed again: the caller keeps only hProcess and hThread
        assertThat(explorer.objectTable.handleCount()).isEqualTo(handlesBefore + 2);
        assertThat(m.checkInvariants()).isEmpty();
    }

    /** XP's call runs on the caller's thread; Windows 10's reaches the kernel on seclogon's (SeclogonServiceTest). */
    @org.junit.jupiter.api.Test
    void theClassicCallReachesNtCreateProcessExThroughCreateProcessAsUserW() {
        Machine m = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(m, "bp nt!NtCreateProcessEx");

        assertThat(call(m, "explorer.exe", "CreateProcessWithLogonW alice notepad.exe")).startsWith("Breakpoint ");

        String stack = LabMachine.ok(m, "k").output();
        assertThat(stack).contains("advapi32!CreateProcessWithLogonW", "advapi32!CreateProcessWithLogonCommonW", "advapi32!CreateProcessAsUserW");
        assertThat(stack.indexOf("CreateProcessAsUserW")).isLessThan(stack.indexOf("CreateProcessWithLogonCommonW"));
        assertThat(LabMachine.ok(m, "g").output()).contains("returned TRUE");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anUndocumentedLogonFlagIsInvalidAndCreatesNothing(Profile profile) {
        Machine m = LabMachine.boot(profile);
        Object before = LabMachine.timeless(m);

        String out = call(m, "explorer.exe", "CreateProcessWithLogonW alice notepad.exe dwLogonFlags=0x4");

        assertThat(out).contains("returned FALSE", "ERROR_INVALID_PARAMETER").doesNotContain("hProcess");
        assertThat(LabMachine.timeless(m)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aMissingImageFailsAndLeavesTheMachineAsItWas(Profile profile) {
        Machine m = LabMachine.boot(profile);
        if (profile == Profile.MODERN) {
            // the first call starts the demand-start seclogon service, which stays: measure from the second
            call(m, "explorer.exe", "CreateProcessWithLogonW alice nothere.exe");
        }
        Object before = LabMachine.timeless(m);

        String out = call(m, "explorer.exe", "CreateProcessWithLogonW alice nothere.exe");

        assertThat(out).contains("returned FALSE", "ERROR_FILE_NOT_FOUND").doesNotContain("hProcess");
        assertThat(LabMachine.timeless(m)).isEqualTo(before);
    }

    /** "The process that calls CreateProcessWithTokenW must have the SE_IMPERSONATE_NAME privilege" (Microsoft Learn). */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void withTokenNeedsSeImpersonatePrivilege(Profile profile) {
        Machine m = LabMachine.boot(profile);
        long token = Long.decode(call(m, "explorer.exe", "LogonUserW bob").split("returned ")[1].split("\n")[0].trim());

        String out = call(m, "explorer.exe", "CreateProcessWithTokenW 0x" + Long.toHexString(token) + " notepad.exe");

        assertThat(out).contains("returned FALSE", "ERROR_PRIVILEGE_NOT_HELD");
    }

    /** lsass.exe runs as LocalSystem, which holds SeImpersonatePrivilege. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void withTokenCreatesTheProcessWithTheGivenToken(Profile profile) {
        Machine m = LabMachine.boot(profile);
        long token = Long.decode(call(m, "lsass.exe", "LogonUserW bob").split("returned ")[1].split("\n")[0].trim());

        String out = call(m, "lsass.exe", "CreateProcessWithTokenW 0x" + Long.toHexString(token) + " calc.exe CREATE_SUSPENDED");

        assertThat(out).contains("returned TRUE", "hProcess: ");
        assertThat(LabMachine.process(m, "calc.exe").token.user).isEqualTo("NTLAB\\bob");
        // the caller's token handle stays open: it is the caller's
        assertThat(LabMachine.process(m, "lsass.exe").objectTable.lookup(token)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void withTokenRejectsAHandleThatIsNoToken(Profile profile) {
        Machine m = LabMachine.boot(profile);

        assertThat(call(m, "lsass.exe", "CreateProcessWithTokenW 0x7ff0 calc.exe")).contains("returned FALSE", "ERROR_INVALID_HANDLE");
        assertThat(call(m, "lsass.exe", "CreateProcessWithTokenW -1 calc.exe")).contains("returned FALSE");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void badArgumentsAreSyntaxErrorsThatChangeNothing(Profile profile) {
        Machine m = LabMachine.boot(profile);
        Object before = LabMachine.timeless(m);

        assertThat(m.execute(".call explorer.exe CreateProcessWithLogonW notepad.exe").output()).contains("CreateProcessWithLogonW takes <user> <path>");
        assertThat(m.execute(".call explorer.exe CreateProcessWithLogonW alice notepad.exe dwLogonFlags=LOGON_FOO").output())
                .contains("Syntax error at 'dwLogonFlags=LOGON_FOO'");
        assertThat(m.execute(".call explorer.exe CreateProcessWithTokenW").output()).contains("CreateProcessWithTokenW takes <hToken> <path>");
        assertThat(LabMachine.timeless(m)).isEqualTo(before);
    }
}
