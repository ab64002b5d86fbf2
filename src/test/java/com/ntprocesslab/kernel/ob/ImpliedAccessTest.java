package com.ntprocesslab.kernel.ob;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.AccessMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Microsoft Learn, Process Security and Access Rights: "A handle that has the
 * PROCESS_QUERY_INFORMATION access right is automatically granted
 * PROCESS_QUERY_LIMITED_INFORMATION" (Windows Server 2008 / Vista on). Wine's process tests
 * check it with GetExitCodeProcess, which Windows 10 asks PROCESS_QUERY_LIMITED_INFORMATION for.
 * Windows adds the implied rights in the Process and Thread types' OpenProcedure (PspProcessOpen,
 * PspThreadOpen), which ObpIncrementHandleCountEx calls for every new handle, so a handle made by
 * DuplicateHandle gets them as one made by OpenProcess does.
 */
class ImpliedAccessTest {
    private static String call(Machine m, String text) {
        return LabMachine.ok(m, ".call explorer.exe " + text).output();
    }

    private static long targetHandle(String output) {
        int at = output.indexOf("TargetHandle: ");
        return Long.decode(output.substring(at + 14).split("[ \n]")[0]);
    }

    private static long access(Machine m, long handle) {
        return LabMachine.process(m, "explorer.exe").objectTable.lookup(handle).grantedAccess();
    }

    private static Machine withNotepad(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        call(machine, "CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        return machine;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void duplicateHandleGrantsTheImpliedLimitedRightsOnWindows10Only(Profile profile) {
        Machine machine = withNotepad(profile);
        boolean modern = profile == Profile.MODERN;

        long process = targetHandle(call(machine, "DuplicateHandle -1 $hProcess -1 0x600 FALSE 0"));
        long thread = targetHandle(call(machine, "DuplicateHandle -1 $hThread -1 0x60 FALSE 0"));

        // PROCESS_QUERY_INFORMATION | PROCESS_SET_INFORMATION (+ QUERY_LIMITED 0x1000, SET_LIMITED 0x2000)
        assertThat(access(machine, process)).isEqualTo(modern ? 0x3600 : 0x600);
        // THREAD_QUERY_INFORMATION | THREAD_SET_INFORMATION (+ QUERY_LIMITED 0x800, SET_LIMITED 0x400)
        assertThat(access(machine, thread)).isEqualTo(modern ? 0xc60 : 0x60);
    }

    /**
     * WRK ob/obhandle.c ObDuplicateObject: TargetAccess = DesiredAccess & (ValidAccessMask |
     * ACCESS_SYSTEM_SECURITY), after RtlMapGenericMask; ACCESS_SYSTEM_SECURITY beyond the source's
     * access takes SeSecurityPrivilege in SeAccessCheck (explorer's token has none).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void duplicateHandleKeepsOnlyTheTypesValidRights(Profile profile) {
        Machine machine = withNotepad(profile);
        long all = profile == Profile.CLASSIC ? AccessMask.PROCESS_ALL_ACCESS_XP : AccessMask.PROCESS_ALL_ACCESS;
        int handles = LabMachine.process(machine, "explorer.exe").objectTable.handleCount();

        // reserved bits 0x0c000000 and MAXIMUM_ALLOWED 0x02000000 are no process rights
        long reserved = targetHandle(call(machine, "DuplicateHandle -1 $hProcess -1 0x0e100000 FALSE 0"));
        long generic = targetHandle(call(machine, "DuplicateHandle -1 $hProcess -1 GENERIC_ALL FALSE 0"));
        String sacl = call(machine, "DuplicateHandle -1 $hProcess -1 0x01100000 FALSE 0");

        assertThat(access(machine, reserved)).isEqualTo(AccessMask.SYNCHRONIZE);
        assertThat(access(machine, generic)).isEqualTo(all);
        assertThat(sacl).contains("returned FALSE", "ERROR_PRIVILEGE_NOT_HELD");
        assertThat(LabMachine.process(machine, "explorer.exe").objectTable.handleCount()).isEqualTo(handles + 2);
    }

    @Test
    void duplicateSameAccessKeepsTheSourceMask() {
        Machine machine = withNotepad(Profile.MODERN);
        long source = targetHandle(call(machine, "DuplicateHandle -1 $hProcess -1 0x100000 FALSE 0"));

        long copy = targetHandle(call(machine, "DuplicateHandle -1 0x" + Long.toHexString(source) + " -1 0x400 FALSE DUPLICATE_SAME_ACCESS"));

        assertThat(access(machine, source)).isEqualTo(AccessMask.SYNCHRONIZE);
        assertThat(access(machine, copy)).isEqualTo(AccessMask.SYNCHRONIZE);
    }

    @Test
    void queryInformationImpliesQueryLimitedInformationOnWindows10() {
        Machine machine = LabMachine.boot();
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        long pid = LabMachine.process(machine, "notepad.exe").uniqueProcessId;

        String open = LabMachine.ok(machine, ".call explorer.exe OpenProcess PROCESS_QUERY_INFORMATION 0x" + Long.toHexString(pid)).output();
        long handle = Long.decode(open.substring(open.indexOf("returned ") + 9, open.indexOf('\n')).trim());

        HandleEntry entry = LabMachine.process(machine, "explorer.exe").objectTable.lookup(handle);
        assertThat(entry.grantedAccess()).isEqualTo(AccessMask.PROCESS_QUERY_INFORMATION | AccessMask.PROCESS_QUERY_LIMITED_INFORMATION);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetExitCodeProcess 0x" + Long.toHexString(handle)).output())
                .contains("returned TRUE", "STILL_ACTIVE");
    }

    @Test
    void windowsXpHasNoLimitedRightToImply() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        long pid = LabMachine.process(machine, "notepad.exe").uniqueProcessId;

        String open = LabMachine.ok(machine, ".call explorer.exe OpenProcess PROCESS_QUERY_INFORMATION 0x" + Long.toHexString(pid)).output();
        long handle = Long.decode(open.substring(open.indexOf("returned ") + 9, open.indexOf('\n')).trim());

        assertThat(LabMachine.process(machine, "explorer.exe").objectTable.lookup(handle).grantedAccess())
                .isEqualTo(AccessMask.PROCESS_QUERY_INFORMATION);
    }
}
