package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.machine.PendingCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * lpCurrentDirectory is the caller's const input (Microsoft Learn, CreateProcessW): the creation
 * makes it a full path for the child's RTL_USER_PROCESS_PARAMETERS in its own copy, and the
 * caller's STARTUPINFO record keeps what the caller wrote.
 */
class CurrentDirectoryArgumentTest {
    @ParameterizedTest
    @EnumSource(Profile.class)
    void theChildGetsTheFullDirectoryAndTheCallersRecordStaysAsWritten(Profile profile) {
        Machine m = LabMachine.boot(profile);
        PendingCall call = LabMachine.begin(m, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe lpCurrentDirectory=\\Tools");
        LabMachine.ok(m, "g");

        assertThat(call.call().returnValue).isEqualTo(1);
        // a directory relative to the caller's drive root becomes C:\Tools\ for the child
        assertThat(LabMachine.process(m, "notepad.exe").peb.currentDirectory).isEqualTo("C:\\Tools\\");
        assertThat(call.call().startup.currentDirectory).isEqualTo("\\Tools");
        assertThat(m.checkInvariants()).isEmpty();
    }
}
