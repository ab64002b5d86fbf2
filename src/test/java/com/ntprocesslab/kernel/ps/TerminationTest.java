package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.csr.CsrServer;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.nt.NtStatus;
import org.junit.jupiter.api.Test;

class TerminationTest {
    private final Machine machine = LabMachine.boot();

    @Test
    void anExitedProcessLingersWithItsExitStatusWhileAHandleIsOpen() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");
        LabMachine.ok(machine, "g");
        EProcess worker = LabMachine.process(machine, "worker.exe");

        assertThat(worker.exited).isTrue();
        assertThat(worker.exitStatus).isEqualTo(3);
        assertThat(worker.activeThreads).isZero();
        assertThat(worker.objectTable).isNull();
        assertThat(worker.peb).isNull();
        assertThat(worker.addressSpace.vadRoot).isEmpty();
        assertThat(worker.signaled).isTrue();
        assertThat(worker.handleCount).isEqualTo(1);
        assertThat(machine.kernel().pspCidTable.lookup(worker.uniqueProcessId)).isSameAs(worker);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetExitCodeProcess 0xc").output()).contains("ExitCode: 0x3");
        assertThat(LabMachine.ok(machine, ".call explorer.exe WaitForSingleObject 0xc").output()).contains("returned 0x0 (WAIT_OBJECT_0)");
    }

    @Test
    void closingTheLastHandleDeletesTheProcessAndFreesItsPid() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");
        LabMachine.ok(machine, "g");
        EProcess worker = LabMachine.process(machine, "worker.exe");
        long pid = worker.uniqueProcessId;
        long freeFrames = machine.kernel().pfnDatabase.freeFrames();

        LabMachine.ok(machine, ".call explorer.exe CloseHandle 0x10");
        assertThat(worker.deleted).isFalse();
        LabMachine.ok(machine, ".call explorer.exe CloseHandle 0xc");

        assertThat(worker.deleted).isTrue();
        assertThat(machine.kernel().processes()).doesNotContain(worker);
        assertThat(machine.kernel().pspCidTable.lookup(pid)).isNull();
        assertThat(machine.kernel().pfnDatabase.freeFrames()).isEqualTo(freeFrames + 3);
        // WRK psinit.c makes PspCidTable strict FIFO: the freed PID waits at the tail of the free list
        assertThat(machine.kernel().pspCidTable.freeList()).endsWith(pid);
        String again = LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe").output();
        assertThat(again).doesNotContain(String.format("dwProcessId: 0x%x ", pid));
    }

    /**
     * WRK base/ntos/ps/psinit.c: ExSetHandleTableStrictFIFO (PspCidTable), "Set PID and TID reuse
     * to strict FIFO": IDs freed come back in the order they were freed, not lowest first.
     */
    @Test
    void freedIdsWaitInTheOrderTheyWereFreed() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW calc.exe CREATE_SUSPENDED");
        long notepadPid = LabMachine.process(machine, "notepad.exe").uniqueProcessId;
        long calcPid = LabMachine.process(machine, "calc.exe").uniqueProcessId;
        assertThat(calcPid).isGreaterThan(notepadPid);

        for (String command : new String[] {"TerminateProcess 0x14 1", "CloseHandle 0x14", "CloseHandle 0x18",
                "TerminateProcess 0xc 1", "CloseHandle 0xc", "CloseHandle 0x10"}) {
            LabMachine.ok(machine, ".call explorer.exe " + command);
            // a terminated process's thread exits when it takes its exit APC; only then do its ids go
            LabMachine.ok(machine, "g");
        }
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe CREATE_SUSPENDED");

        // calc went first, so its IDs come back before notepad's, after userinit's (freed at boot)
        assertThat(machine.kernel().pspCidTable.freeList()).containsSubsequence(calcPid, notepadPid);
        assertThat(LabMachine.process(machine, "worker.exe").uniqueProcessId).isGreaterThan(calcPid);
    }

    @Test
    void terminateProcessRunsTheRundownAndTellsCsrss() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        EThread thread = notepad.threadListHead.owners().get(0);
        CsrServer csr = machine.kernel().csrServers.get(1);
        assertThat(csr.sessionProcessCount).isEqualTo(3);

        String out = LabMachine.ok(machine, ".call explorer.exe TerminateProcess 0xc 0x7").output();

        assertThat(out).contains("returned TRUE");
        // the caller only queued the exit APC: the victim is ready to take it, and exits on g
        assertThat(thread.tcb.state).isEqualTo(KThreadState.Ready);
        assertThat(thread.tcb.kernelApcQueue).extracting(a -> a.routine()).containsExactly("nt!PsExitSpecialApc");
        assertThat(csr.sessionProcessCount).isEqualTo(3);
        LabMachine.ok(machine, "g");

        assertThat(notepad.exitStatus).isEqualTo(7);
        assertThat(thread.tcb.state).isEqualTo(KThreadState.Terminated);
        assertThat(thread.exitStatus).isEqualTo(7);
        assertThat(csr.find(notepad.uniqueProcessId)).isNull();
        assertThat(csr.sessionProcessCount).isEqualTo(2);
        assertThat(notepad.handleCount).isEqualTo(1);
        assertThat(thread.handleCount).isEqualTo(1);
        assertThat(LabMachine.ok(machine, ".call explorer.exe TerminateProcess 0xc 1").output())
                .contains("returned FALSE").contains("LastError: 0x5 (ERROR_ACCESS_DENIED)");
    }

    @Test
    void terminateNeedsProcessTerminateAccessAndOpenProcessChecksTheToken() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        long notepad = LabMachine.process(machine, "notepad.exe").uniqueProcessId;
        long lsass = LabMachine.process(machine, "lsass.exe").uniqueProcessId;

        String denied = LabMachine.ok(machine, ".call explorer.exe OpenProcess PROCESS_ALL_ACCESS 0x" + Long.toHexString(lsass)).output();
        String opened = LabMachine.ok(machine, ".call explorer.exe OpenProcess SYNCHRONIZE 0x" + Long.toHexString(notepad)).output();
        String terminate = LabMachine.ok(machine, ".call explorer.exe TerminateProcess 0x14 1").output();
        String byWinlogon = LabMachine.ok(machine, ".call winlogon.exe OpenProcess PROCESS_TERMINATE 0x" + Long.toHexString(lsass)).output();

        assertThat(denied).contains("returned NULL").contains("LastError: 0x5 (ERROR_ACCESS_DENIED)");
        assertThat(opened).contains("returned 0x14");
        assertThat(terminate).contains("returned FALSE").contains("0x5 (ERROR_ACCESS_DENIED)");
        assertThat(byWinlogon).contains("returned 0x");
        assertThat(LabMachine.process(machine, "notepad.exe").alive()).isTrue();
    }

    @Test
    void exitProcessFromACallEndsTheCallerThread() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        LabMachine.ok(machine, "g");

        String out = LabMachine.ok(machine, ".call notepad.exe ExitProcess 5").output();

        assertThat(out).contains("did not return");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.exitStatus).isEqualTo(5);
        assertThat(notepad.exited).isTrue();
    }

    @Test
    void guestProgramsExitWaitAndCrash() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\crasher.exe");
        LabMachine.ok(machine, "g");

        EProcess launcher = LabMachine.process(machine, "launcher.exe");
        assertThat(launcher.exitStatus).isEqualTo(3);
        assertThat(LabMachine.process(machine, "worker.exe")).isNull();
        assertThat(LabMachine.process(machine, "crasher.exe").exitStatus).isEqualTo(NtStatus.STATUS_ACCESS_VIOLATION);
    }

    @Test
    void aWaitingCallCompletesWhenTheObjectIsSignalled() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        LabMachine.ok(machine, "g");

        String waiting = LabMachine.ok(machine, ".call explorer.exe WaitForSingleObject 0xc").output();
        String busy = machine.execute(".call explorer.exe CloseHandle 0xc").output();
        LabMachine.ok(machine, ".call notepad.exe ExitProcess 9");
        LabMachine.ok(machine, "g");

        assertThat(waiting).contains("is waiting");
        assertThat(busy).contains("still in progress");
        assertThat(machine.kernel().pendingCalls).isEmpty();
        assertThat(machine.kernel().lastCall.result()).contains("WaitForSingleObject(0xc) returned 0x0 (WAIT_OBJECT_0)");
        assertThat(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0).tcb.state).isEqualTo(KThreadState.Waiting);
    }
}
