package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.Apc;
import com.ntprocesslab.kernel.ke.KProcess;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.win32.CreateProcessContext;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 row 3.54 (KiAttachProcess, audit-20): KiMoveApcState moves the thread's ApcState
 * into SavedApcState (XP SP3 _KTHREAD +0x14c, its Process at +0x15c) before ApcState.Process
 * becomes the target, with nothing pending; KeDetachProcess moves it back and sets
 * SavedApcState.Process to NULL (WRK ke/procobj.c KiAttachProcess, KeDetachProcess).
 */
class ClassicSavedApcStateTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\WINDOWS\\system32\\notepad.exe");
    private final EProcess explorer = LabMachine.process(machine, "explorer.exe");

    private void stopBefore(String symbol) {
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> symbol.equals(at.symbol()));
        assertThat(stop.reason()).as("stopped before " + symbol).isEqualTo(Engine.Reason.BREAKPOINT);
    }

    private EProcess newProcess() {
        for (Frame f : call.thread().frames) {
            if (f.args instanceof CreateProcessContext c && c.process != null) {
                return c.process;
            }
        }
        throw new AssertionError("no process being created");
    }

    private String kthread() {
        return LabMachine.ok(machine, "dt nt!_KTHREAD " + Long.toHexString(call.thread().address)).output();
    }

    @Test
    void whileAttachedSavedApcStateHoldsTheThreadsOwnProcess() {
        KThread tcb = call.thread().tcb;
        stopBefore("nt!KiMoveApcState");
        assertThat(tcb.savedApcStateProcess).isNull();
        assertThat(kthread()).contains("+0x15c SavedApcState.Process : (null)");

        stopBefore("nt!KiSwapProcess");
        assertThat(tcb.savedApcStateProcess).isSameAs(explorer.pcb);

        stopBefore("nt!KeDetachProcess");
        EProcess p = newProcess();
        assertThat(tcb.apcStateProcess).isSameAs(p.pcb);
        assertThat(kthread()).contains(
                "+0x044 ApcState.Process : 0x" + Long.toHexString(p.address) + " _KPROCESS (notepad.exe)",
                "+0x14c SavedApcState    : _KAPC_STATE (0 kernel, 0 user APCs)",
                "+0x15c SavedApcState.Process : 0x" + Long.toHexString(explorer.address) + " _KPROCESS (explorer.exe)");
    }

    @Test
    void keDetachProcessRestoresTheApcStateAndClearsTheSavedOne() {
        KThread tcb = call.thread().tcb;
        stopBefore("nt!KeDetachProcess");
        stopBefore("nt!PspMapSystemDll");

        assertThat(tcb.apcStateProcess).isNull();
        assertThat(tcb.savedApcStateProcess).isNull();
        assertThat(kthread()).contains("+0x044 ApcState.Process : 0x" + Long.toHexString(explorer.address) + " _KPROCESS (explorer.exe)",
                "+0x15c SavedApcState.Process : (null)", "+0x165 ApcStateIndex    : 0");
    }

    @Test
    void theThreadsOwnApcsWaitInSavedApcStateAndComeBack() {
        KThread tcb = new KThread();
        KProcess own = new KProcess();
        Apc apc = new Apc("kernel32!BaseDispatchAPC", true);
        tcb.userApcQueue.add(apc);
        tcb.userApcPending = true;

        tcb.saveApcState(own);
        assertThat(tcb.userApcQueue).isEmpty();
        assertThat(tcb.userApcPending).isFalse();
        assertThat(tcb.savedUserApcQueue).containsExactly(apc);
        assertThat(tcb.savedApcStateProcess).isSameAs(own);

        tcb.restoreApcState();
        assertThat(tcb.userApcQueue).containsExactly(apc);
        assertThat(tcb.userApcPending).isTrue();
        assertThat(tcb.savedUserApcQueue).isEmpty();
        assertThat(tcb.savedApcStateProcess).isNull();
    }
}
