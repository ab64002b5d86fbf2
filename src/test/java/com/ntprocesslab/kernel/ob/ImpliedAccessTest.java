package com.ntprocesslab.kernel.ob;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.nt.AccessMask;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Learn, Process Security and Access Rights: "A handle that has the
 * PROCESS_QUERY_INFORMATION access right is automatically granted
 * PROCESS_QUERY_LIMITED_INFORMATION" (Windows Server 2008 / Vista on). Wine's process tests
 * check it with GetExitCodeProcess, which Windows 10 asks PROCESS_QUERY_LIMITED_INFORMATION for.
 */
class ImpliedAccessTest {
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
