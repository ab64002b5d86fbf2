package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.win32.CreateProcessContext;
import org.junit.jupiter.api.Test;

/**
 * Seed 003, PspCreateProcess step 8: PspMapSystemDll maps ntdll into the new process through
 * MmMapViewOfSection (WRK ps/psinit.c PspMapSystemDll). The view exists once that step ran,
 * not before.
 */
class ClassicPspMapSystemDllTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

    private void stopBefore(String routine, String symbol) {
        Engine.RunResult stop = LabMachine.runCall(machine, call,
                at -> symbol.equals(at.symbol()) && at.frame() != null && routine.equals(at.frame().routine.symbol()));
        assertThat(stop.reason()).as("stopped before " + routine + " -> " + symbol).isEqualTo(Engine.Reason.BREAKPOINT);
    }

    private EProcess newProcess() {
        for (Frame f : call.thread().frames) {
            if (f.args instanceof CreateProcessContext c) {
                return c.process;
            }
        }
        throw new AssertionError("no creation in progress");
    }

    private static boolean mapsNtdll(EProcess p) {
        return p.addressSpace.vadRoot.values().stream().map(Vad::mapped).anyMatch(m -> m != null && m.toLowerCase().endsWith("ntdll.dll"));
    }

    @Test
    void pspMapSystemDllCallsMmMapViewOfSectionWhichMapsNtdll() {
        stopBefore("nt!PspCreateProcess", "nt!PspMapSystemDll");
        stopBefore("nt!PspMapSystemDll", "nt!MmMapViewOfSection");
        EProcess notepad = newProcess();
        assertThat(mapsNtdll(notepad)).as("no ntdll view before MmMapViewOfSection").isFalse();

        stopBefore("nt!PspCreateProcess", "nt!MmGetSessionId");

        assertThat(mapsNtdll(notepad)).isTrue();
    }

    @Test
    void ufShowsTheCall() {
        assertThat(LabMachine.ok(machine, "uf nt!PspMapSystemDll").output()).contains("call    nt!MmMapViewOfSection");
    }
}
