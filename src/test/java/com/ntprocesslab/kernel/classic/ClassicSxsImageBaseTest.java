package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.NtArgs;
import com.ntprocesslab.kernel.win32.CreateProcessContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.57 (section 4, audit-20): BasepSxsCreateProcessCsrMessage gets the new
 * process's PEB through BasepSxsGetProcessImageBaseAddress (NtQueryInformationProcess,
 * ProcessBasicInformation) and reads the PEB's ImageBaseAddress (XP SP3 _PEB +0x008) across
 * address spaces with NtReadVirtualMemory (nt!NtReadVirtualMemory: a PROCESS_VM_READ handle,
 * MmCopyVirtualMemory; WRK mm/readwrt.c).
 */
class ClassicSxsImageBaseTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    @Test
    void theImageBaseIsReadFromTheNewPebWithNtReadVirtualMemory() {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        machine.engine().setListener(null);

        assertThat(symbols).containsSubsequence("kernel32!BasepSxsCreateProcessCsrMessage", "kernel32!BasepSxsGetProcessImageBaseAddress",
                "ntdll!NtQueryInformationProcess", "nt!NtQueryInformationProcess", "ntdll!NtReadVirtualMemory", "nt!NtReadVirtualMemory",
                "nt!ObReferenceObjectByHandle", "nt!MmCopyVirtualMemory", "kernel32!BasePushProcessParameters");
    }

    @Test
    void theReadAsksForThePebsImageBaseAddressAndGetsTheImageBase() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> "nt!MmCopyVirtualMemory".equals(at.symbol()));
        assertThat(stop.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        CreateProcessContext c = null;
        for (Frame f : call.thread().frames) {
            if (f.args instanceof CreateProcessContext context) {
                c = context;
            }
        }
        EProcess notepad = (EProcess) LabMachine.process(machine, "explorer.exe").objectTable.lookup(c.processHandle).object();
        NtArgs read = c.query;
        assertThat(read.value).isEqualTo(notepad.peb.address + 0x8).isEqualTo(0x7ffdf008L);
        assertThat(read.information).isEqualTo(4);
        assertThat(c.sxsImageBase).isZero();

        stop = LabMachine.runCall(machine, call, at -> "kernel32!BasePushProcessParameters".equals(at.symbol()));

        assertThat(c.sxsImageBase).isEqualTo(notepad.peb.imageBaseAddress).isEqualTo(0x01000000L);
        assertThat(c.query).isNull();
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
