package com.ntprocesslab.kernel.csr;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * XP's CreateThread tells csrss of each new thread (ReactOS kernel32 client/thread.c
 * BasepNotifyCsrOfThread -> CsrClientCallServer(BasepCreateThread); basesrv/proc.c
 * BaseSrvCreateThread -> csrsrv/thredsup.c CsrCreateThread). Windows 10 does not: BASESRV's
 * slot for it is BaseSrvDeadEntry from 6.2 (Geoff Chappell, BASESRV API routines).
 */
class CsrThreadNotificationTest {

    private static CsrServer serverOf(Machine machine, EProcess p) {
        return machine.kernel().csrServers.get(Math.max(p.sessionId, 0));
    }

    @Test
    void xpRegistersEachNewThreadOnCsrssThreadWhileTheCreatorWaitsForTheReply() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(machine, "bp BASESRV!BaseSrvCreateThread");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");

        String hit = LabMachine.ok(machine, "g").output();

        assertThat(hit).contains("Breakpoint 0 hit\nBASESRV!BaseSrvCreateThread:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(LabMachine.ok(machine, "k").output()).contains("BASESRV!BaseSrvCreateThread", "CSRSRV!CsrApiRequestThread+0x")
                .doesNotContain("threads!", "kernel32!CreateRemoteThread");
        EProcess threads = LabMachine.process(machine, "threads.exe");
        EThread creator = threads.threadListHead.owners().get(0);
        assertThat(creator.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(creator.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReply);
        // the new thread waits too: created suspended, resumed only after csrss's reply
        EThread worker = threads.threadListHead.owners().get(1);
        assertThat(worker.tcb.waitReason).isEqualTo(KWaitReason.Suspended);
        CsrServer server = serverOf(machine, threads);
        // the message came through threads.exe's own client communication port (handle 0x4)
        assertThat(server.apiPort.inService.clientThread).isEqualTo(creator.uniqueThread);
        assertThat(server.find(threads.uniqueProcessId).threadList).hasSize(1);
        long csrssHandles = server.csrss.objectTable.handleCount();
        long workerHandles = worker.handleCount;

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");

        CsrProcess record = server.find(threads.uniqueProcessId);
        assertThat(record.threadList).extracting(t -> t.uniqueThread)
                .containsExactly(creator.uniqueThread, worker.uniqueThread, threads.threadListHead.owners().get(2).uniqueThread);
        assertThat(server.csrss.objectTable.handleCount()).as("csrss's handle to each worker").isEqualTo(csrssHandles + 2);
        assertThat(worker.handleCount).isEqualTo(workerHandles + 1);
        assertThat(worker.terminationPort).isSameAs(server.apiPort);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void xpRegistersARemoteThreadWithItsOwnProcessAndForgetsItAtLpcClientDied() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(machine, "g");
        EProcess threads = LabMachine.process(machine, "threads.exe");
        CsrServer server = serverOf(machine, threads);
        long csrssHandles = server.csrss.objectTable.handleCount();

        // explorer starts a thread in threads.exe: csrss adds it to threads.exe's CSR_PROCESS, not explorer's
        String created = LabMachine.ok(machine, ".call explorer.exe CreateRemoteThread $hProcess Worker").output()
                + LabMachine.ok(machine, "g").output();

        Matcher handle = Pattern.compile("CreateRemoteThread\\([^)]*\\) returned (0x[0-9a-f]+)").matcher(created);
        assertThat(handle.find()).as(created).isTrue();
        EThread remote = threads.threadListHead.owners().get(3);
        assertThat(server.find(threads.uniqueProcessId).threadList).extracting(t -> t.uniqueThread).contains(remote.uniqueThread).hasSize(4);
        assertThat(server.find(LabMachine.process(machine, "explorer.exe").uniqueProcessId).threadList).hasSize(1);
        assertThat(server.csrss.objectTable.handleCount()).isEqualTo(csrssHandles + 1);
        LabMachine.ok(machine, "bp CSRSRV!CsrDestroyThread");
        LabMachine.ok(machine, ".call explorer.exe TerminateThread " + handle.group(1) + " 7");

        String hit = LabMachine.ok(machine, "g").output();

        assertThat(hit).contains("Breakpoint 0 hit\nCSRSRV!CsrDestroyThread:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");
        assertThat(server.find(threads.uniqueProcessId).threadList).extracting(t -> t.uniqueThread)
                .doesNotContain(remote.uniqueThread).hasSize(3);
        assertThat(server.csrss.objectTable.handleCount()).isEqualTo(csrssHandles);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void windows10SendsNoMessageForANewThread() {
        Machine machine = LabMachine.boot(Profile.MODERN);
        LabMachine.ok(machine, "bp ntdll!CsrClientCallServer");
        // the one message is BasepCreateProcess, sent by explorer
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe").output()).contains("Breakpoint 0 hit");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of explorer.exe");

        String rest = LabMachine.ok(machine, "g").output();

        assertThat(rest).doesNotContain("Breakpoint 0 hit");
        EProcess threads = LabMachine.process(machine, "threads.exe");
        assertThat(threads.activeThreads).isEqualTo(3);
        assertThat(serverOf(machine, threads).find(threads.uniqueProcessId).threadList).hasSize(1);
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
