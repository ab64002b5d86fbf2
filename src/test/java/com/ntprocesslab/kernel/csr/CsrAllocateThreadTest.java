package com.ntprocesslab.kernel.csr;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seed 001, stage 5, items 5b to 5d: CSRSRV's CsrCreateProcess allocates the CSR_PROCESS, then
 * allocates and fills in the first thread's CSR_THREAD (CsrAllocateThread), and only then puts it
 * on the CSR_PROCESS's thread list (CsrInsertThread), before CsrInsertProcess lists the process
 * (ReactOS subsystems/win32/csrsrv/procsup.c CsrCreateProcess, thredsup.c CsrAllocateThread and
 * CsrInsertThread). An allocation failure there undoes the registration (STATUS_NO_MEMORY).
 */
class CsrAllocateThreadTest {

    /** The CSR_CREATE_PROCESS message csrss is working on, found on the stack of whichever thread runs it. */
    private static CsrCreateProcessMessage messageInFlight(Machine machine) {
        for (var object : machine.kernel().objects.values()) {
            if (object instanceof EThread thread) {
                for (Frame frame : thread.frames) {
                    if (frame.args instanceof CsrCreateProcessMessage message && message.csrProcess != null) {
                        return message;
                    }
                }
            }
        }
        throw new AssertionError("no CsrCreateProcess is in flight");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theCsrThreadIsAllocatedBeforeItIsListed(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, "bp CSRSRV!CsrInsertThread");
        LabMachine.ok(machine, "bp CSRSRV!CsrInsertProcess");
        String call = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(call).contains("CSRSRV!CsrInsertThread:");
        CsrCreateProcessMessage message = messageInFlight(machine);
        CsrProcess process = message.csrProcess;
        assertThat(message.csrThread).isNotNull();
        assertThat(message.csrThread.uniqueThread).isEqualTo(message.uniqueThread);
        assertThat(message.csrThread.threadHandle).isEqualTo(message.csrThreadHandle);
        assertThat(message.csrThread.flags).isZero();
        assertThat(process.threadList).isEmpty();

        assertThat(LabMachine.ok(machine, "g").output()).contains("CSRSRV!CsrInsertProcess:");
        assertThat(message.csrThread).isNull();
        assertThat(process.threadList).hasSize(1);
        assertThat(process.threadList.get(0).uniqueThread).isEqualTo(message.uniqueThread);

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");
        assertThat(LabMachine.ok(machine, "!csrss").output()).contains("notepad.exe");
        assertThat(LabMachine.ok(machine, ".invariants").output()).contains("All invariants hold.");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aFailedCsrThreadAllocationUndoesTheRegistration(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        Object before = LabMachine.timeless(machine);
        LabMachine.ok(machine, "bp CSRSRV!CsrAllocateThread");
        String call = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        assertThat(call).contains("CSRSRV!CsrAllocateThread:");
        LabMachine.ok(machine, ".fail csr");
        LabMachine.ok(machine, "bc *");

        String out = LabMachine.ok(machine, "g").output();

        assertThat(out).contains("returned FALSE").contains("LastError: 0x8 (ERROR_NOT_ENOUGH_MEMORY)");
        LabMachine.ok(machine, "g");
        EProcess notepad = machine.kernel().processes().stream().filter(p -> "notepad.exe".equals(p.imageFileName)).findFirst().orElse(null);
        assertThat(notepad).isNull();
        assertThat(LabMachine.ok(machine, "!csrss").output()).doesNotContain("notepad.exe");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, ".invariants").output()).contains("All invariants hold.");
    }
}
