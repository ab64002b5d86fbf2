package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CreateProcessW of a native-subsystem image (csrss.exe, smss.exe) fails with
 * ERROR_CHILD_NOT_COMPLETE ("cannot be run in Win32 mode") and leaves no process, handle or
 * csrss server behind (NT base/client/process.c, ReactOS kernel32 client/proc.c CreateProcessInternalW).
 */
class NativeImageRefusalTest {

    private static List<Long> csrssProcesses(Machine m) {
        List<Long> pids = new ArrayList<>();
        for (EProcess p : m.kernel().processes()) {
            if (p.imageFileName.equalsIgnoreCase("csrss.exe")) {
                pids.add(p.uniqueProcessId);
            }
        }
        return pids;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aNativeImageIsNoWin32ProgramAndNothingIsLeft(Profile profile) {
        Machine m = LabMachine.boot(profile);
        List<Long> before = csrssProcesses(m);
        var servers = new ArrayList<>(m.kernel().csrServers.values().stream().map(s -> s.csrss).toList());
        int processes = m.kernel().processes().size();
        int objects = m.kernel().objects.size();

        String out = LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\csrss.exe").output();
        LabMachine.ok(m, "g");

        assertThat(out).contains("returned FALSE", "LastError: 0x81 (ERROR_CHILD_NOT_COMPLETE)");
        assertThat(csrssProcesses(m)).isEqualTo(before);
        assertThat(m.kernel().csrServers.values().stream().map(s -> s.csrss).toList()).isEqualTo(servers);
        assertThat(m.kernel().processes()).hasSize(processes);
        assertThat(m.kernel().objects).hasSize(objects);
        assertThat(LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output()).contains("returned TRUE");
    }
}
