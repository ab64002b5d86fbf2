package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.cm.KeyObject;
import com.ntprocesslab.kernel.cm.KeyServices;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.20 (CreateProcessInternalW step 7, audit-20): BasepIsProcessAllowed opens the
 * image's Image File Execution Options key with ntdll!NtOpenKey (nt!NtOpenKey, WRK cm/ntapi.c,
 * ReactOS ntoskrnl/config/ntapi.c; GENERIC_READ as ReactOS's LdrOpenImageFileOptionsKey asks)
 * and closes the handle before it returns: while it runs the caller's table holds a key
 * handle, afterwards it does not.
 */
class ClassicBasepIsProcessAllowedTest {
    private static final String IFEO_NOTEPAD = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\notepad.exe";

    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private List<HandleEntry> keyHandles(EProcess process) {
        List<HandleEntry> keys = new ArrayList<>();
        for (long handle : process.objectTable.handles()) {
            HandleEntry entry = process.objectTable.lookup(handle);
            if (entry.object() instanceof KeyObject) {
                keys.add(entry);
            }
        }
        return keys;
    }

    @Test
    void theIfeoKeyIsOpenedWithNtOpenKeyAndClosedBeforeItReturns() {
        LabMachine.ok(machine, ".reg add \"" + IFEO_NOTEPAD + "\" GlobalFlag 0");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        LabMachine.ok(machine, "bp kernel32!BasepIsProcessAllowed");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        assertThat(keyHandles(explorer)).isEmpty();

        LabMachine.ok(machine, "p");
        String atClose = LabMachine.ok(machine, "p").output();

        assertThat(atClose).contains("call    ntdll!NtClose");
        List<HandleEntry> open = keyHandles(explorer);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).object().name).isEqualTo("\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\notepad.exe");
        assertThat(open.get(0).grantedAccess()).isEqualTo(KeyServices.KEY_READ);

        LabMachine.ok(machine, "p");
        assertThat(keyHandles(explorer)).isEmpty();
        assertThat(LabMachine.ok(machine, "g").output()).contains("returned TRUE");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void withoutAnIfeoKeyNtOpenKeyFailsAndNothingIsClosed() {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        machine.engine().setListener(null);

        int allowed = symbols.indexOf("kernel32!BasepIsProcessAllowed");
        assertThat(symbols.subList(allowed, symbols.indexOf("ntdll!NtQuerySection")))
                .containsSubsequence("ntdll!NtOpenKey", "nt!KiFastCallEntry", "nt!NtOpenKey", "nt!ObOpenObjectByName")
                .doesNotContain("ntdll!NtClose");
        assertThat(keyHandles(LabMachine.process(machine, "explorer.exe"))).isEmpty();
    }
}
