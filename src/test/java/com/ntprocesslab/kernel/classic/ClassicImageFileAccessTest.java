package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 (CreateProcessW step 7): XP SP3's kernel32 opens the image with NtOpenFile asking for
 * 0x1000A1 ({@code push 1000A1h}): SYNCHRONIZE | FILE_EXECUTE | FILE_READ_ATTRIBUTES |
 * FILE_READ_DATA, which the caller's file handle is granted until kernel32 closes it after
 * NtCreateSection.
 */
class ClassicImageFileAccessTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private static List<HandleEntry> fileHandles(EProcess process) {
        List<HandleEntry> files = new ArrayList<>();
        for (long handle : process.objectTable.handles()) {
            HandleEntry entry = process.objectTable.lookup(handle);
            if (entry.object().type == ObjectType.File) {
                files.add(entry);
            }
        }
        return files;
    }

    @Test
    void theImageFileHandleIsGranted0x1000A1UntilTheSectionExists() {
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        LabMachine.ok(machine, "bp ntdll!NtCreateSection");
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe").output())
                .startsWith("Breakpoint 0 hit");

        List<HandleEntry> files = fileHandles(explorer);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).grantedAccess()).isEqualTo(0x1000A1L);
        assertThat(LabMachine.ok(machine, "!handle 0 0 " + Long.toHexString(explorer.uniqueProcessId)).output())
                .contains("GrantedAccess: 001000a1");

        LabMachine.ok(machine, "bc *");
        assertThat(LabMachine.ok(machine, "g").output()).contains("returned TRUE");
        assertThat(fileHandles(explorer)).isEmpty();
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
