package com.ntprocesslab.kernel.csr;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.EProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * csrss registers every Win32 process at creation and forgets it when the process exits
 * (the executive tells it through its process-exit port, not by calling it).
 */
class CsrServerTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aWin32ProcessIsRegisteredWithItsThreadAndForgottenWhenItExits(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        CsrServer server = machine.kernel().csrServers.get(Math.max(notepad.sessionId, 0));
        int registered = server.sessionProcessCount;

        CsrProcess record = server.find(notepad.uniqueProcessId);
        assertThat(record).isNotNull();
        assertThat(record.threadList).singleElement()
                .satisfies(thread -> assertThat(thread.uniqueThread).isEqualTo(notepad.threadListHead.owners().get(0).uniqueThread));
        assertThat(server.processes.get(0).uniqueProcess).as("CsrRootProcess first").isEqualTo(server.csrss.uniqueProcessId);

        LabMachine.ok(machine, ".call notepad.exe ExitProcess 0");
        LabMachine.ok(machine, "g");

        assertThat(server.find(notepad.uniqueProcessId)).isNull();
        assertThat(server.sessionProcessCount).isEqualTo(registered - 1);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aNativeProcessIsNotRegistered(Profile profile) {
        Machine machine = LabMachine.boot(profile);

        EProcess smss = LabMachine.process(machine, "smss.exe");

        assertThat(machine.kernel().csrServers.values()).allSatisfy(server -> assertThat(server.find(smss.uniqueProcessId)).isNull());
        assertThat(machine.kernel().csrServers).isNotEmpty();
    }
}
