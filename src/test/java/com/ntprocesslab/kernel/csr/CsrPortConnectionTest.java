package com.ntprocesslab.kernel.csr;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.PortObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client side of csrss's port on both kernels: every Win32 process connects at its DLL
 * initialisation (ntdll!CsrClientConnectToServer, ReactOS dll/ntdll/csr/connect.c) and holds a
 * client communication port whose peer, the server communication port, csrss keeps as the
 * CSR_PROCESS's ClientPort (csrsrv/api.c CsrApiHandleConnectionRequest); the port views show
 * the queue and the waiting client; XP's ExitProcess sends BasepExitProcess.
 */
class CsrPortConnectionTest {

    private static CsrServer serverOf(Machine machine, String image) {
        return machine.kernel().csrServers.get(Math.max(LabMachine.process(machine, image).sessionId, 0));
    }

    private static PortObject port(EProcess p, long handle) {
        HandleEntry entry = p.objectTable.lookup(handle);
        return entry == null ? null : (PortObject) entry.object();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyWin32ProcessHoldsItsClientPortAndCsrssTheServerEnd(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        CsrServer server = serverOf(machine, "explorer.exe");

        PortObject client = port(explorer, explorer.peb.csrPortHandle);
        CsrProcess record = server.find(explorer.uniqueProcessId);
        PortObject serverEnd = port(server.csrss, record.clientPort);

        assertThat(client.kind).isEqualTo(PortObject.CLIENT_COMMUNICATION_PORT);
        assertThat(client.connectionPort).isSameAs(server.apiPort);
        assertThat(client.peer).isSameAs(serverEnd);
        assertThat(serverEnd.kind).isEqualTo(PortObject.SERVER_COMMUNICATION_PORT);
        assertThat(serverEnd.peer).isSameAs(client);
        String handles = LabMachine.ok(machine, "!handle 0 3 " + Long.toHexString(explorer.uniqueProcessId)).output();
        assertThat(handles).contains(String.format("%04x: Object: %s  GrantedAccess: 001f0001",
                explorer.peb.csrPortHandle, machine.kernel().platform.plainPointer(client.address)))
                .contains(profile == Profile.CLASSIC ? ") Port\n" : ") ALPC Port\n");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aNewProcessConnectsFromItsOwnThreadAndCsrssAcceptsOnItsThread(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.peb.csrPortHandle).isZero();
        LabMachine.ok(machine, "bp CSRSRV!CsrApiHandleConnectionRequest");

        String hit = LabMachine.ok(machine, "g").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nCSRSRV!CsrApiHandleConnectionRequest:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(LabMachine.ok(machine, "k").output()).contains("CSRSRV!CsrApiRequestThread+0x").doesNotContain("notepad!");
        EThread connecting = notepad.threadListHead.owners().get(0);
        assertThat(connecting.tcb.state).isEqualTo(KThreadState.Waiting);
        // WRK lpcconn.c: NtSecureConnectPort waits on the LpcReplySemaphore as Executive; ALPC's connect waits for its reply
        assertThat(connecting.tcb.waitReason).isEqualTo(profile == Profile.CLASSIC ? KWaitReason.Executive : KWaitReason.WrLpcReply);
        assertThat(LabMachine.ok(machine, ".thread " + Long.toHexString(connecting.address)).output())
                .contains(machine.kernel().platform.pointer(connecting.address));
        assertThat(LabMachine.ok(machine, "k").output()).contains(
                profile == Profile.CLASSIC ? "nt!NtSecureConnectPort" : "nt!NtAlpcConnectPort", "ntdll!CsrpConnectToServer+0x",
                "ntdll!CsrClientConnectToServer+0x", profile == Profile.CLASSIC ? "kernel32!BaseDllInitialize+0x" : "KERNELBASE!KernelBaseDllInitialize+0x",
                "ntdll!LdrpCallInitRoutine+0x");

        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");

        assertThat(notepad.peb.csrPortHandle).isNotZero();
        PortObject client = port(notepad, notepad.peb.csrPortHandle);
        assertThat(client.peer).isNotNull();
        assertThat(serverOf(machine, "notepad.exe").find(notepad.uniqueProcessId).clientPort).isNotZero();
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void thePortViewShowsTheMessageInServiceWithItsWaitingClientAndTheCounts(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        CsrServer server = serverOf(machine, "explorer.exe");
        String view = profile == Profile.CLASSIC ? "!lpc port " : "!alpc /p ";
        String address = Long.toHexString(server.apiPort.address);
        long sent = server.apiPort.messagesSent;
        long replied = server.apiPort.messagesReplied;
        String idle = LabMachine.ok(machine, view + address).output();
        assertThat(idle).contains(profile == Profile.CLASSIC ? "The message queue is empty" : "Main queue is empty.")
                .contains("Waiting to receive: ");
        LabMachine.ok(machine, "bp CSRSRV!CsrCreateProcess");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        EThread explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);

        String busy = LabMachine.ok(machine, view + address).output();

        assertThat(server.apiPort.messagesSent).isEqualTo(sent + 1);
        assertThat(busy).contains(String.format("Id=%08x  From: %04x.%04x  LPC_REQUEST (BasepCreateProcess)  Thread %s waits (WrLpcReply)",
                sent + 1, explorer.process.uniqueProcessId, explorer.uniqueThread, machine.kernel().platform.plainPointer(explorer.address)))
                .contains("No thread is waiting to receive.");
        LabMachine.ok(machine, "g");
        assertThat(server.apiPort.messagesReplied).isGreaterThan(replied);
        assertThat(LabMachine.ok(machine, view + address).output()).doesNotContain("BasepCreateProcess");
        // the other kernel's extension is refused with the debugger's reason
        String other = machine.execute((profile == Profile.CLASSIC ? "!alpc /p " : "!lpc port ") + address).output();
        assertThat(other).contains(profile == Profile.CLASSIC ? "Windows XP" : "Lpc is now emulated in alpc");
        assertThat(machine.execute(view + "1234").output()).contains("no port lives at that address");
    }

    @Test
    void xpExitProcessTellsCsrssWithBasepExitProcessOnItsServerThreadBeforeTheProcessEnds() {
        Machine machine = LabMachine.boot(Profile.CLASSIC);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");
        EProcess worker = LabMachine.process(machine, "worker.exe");
        CsrServer server = serverOf(machine, "worker.exe");
        LabMachine.ok(machine, "bp BASESRV!BaseSrvExitProcess");

        String hit = LabMachine.ok(machine, "g").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nBASESRV!BaseSrvExitProcess:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(LabMachine.ok(machine, "k").output()).contains("CSRSRV!CsrApiRequestThread+0x").doesNotContain("worker!");
        EThread exiting = worker.threadListHead.owners().get(0);
        assertThat(exiting.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReply);
        assertThat(worker.alive()).isTrue();
        assertThat(server.find(worker.uniqueProcessId)).isNotNull();
        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "bp CSRSRV!CsrDestroyProcess");

        // BaseSrvExitProcess destroys the CSR_PROCESS while the worker still runs
        assertThat(LabMachine.ok(machine, "g").output()).startsWith("Breakpoint 0 hit\nCSRSRV!CsrDestroyProcess:");
        assertThat(LabMachine.ok(machine, "k").output()).contains("BASESRV!BaseSrvExitProcess");
        LabMachine.ok(machine, "g");

        assertThat(server.find(worker.uniqueProcessId)).isNull();
        assertThat(worker.alive()).isFalse();
        assertThat(worker.exitStatus).isEqualTo(3);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void windows10ExitProcessSendsNoBasepExitProcessCsrssLearnsFromLpcClientDied() {
        Machine machine = LabMachine.boot(Profile.MODERN);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");
        EProcess worker = LabMachine.process(machine, "worker.exe");
        LabMachine.ok(machine, "bp CSRSRV!CsrDestroyProcess");

        String hit = LabMachine.ok(machine, "g").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nCSRSRV!CsrDestroyProcess:");
        assertThat(LabMachine.ok(machine, "k").output()).contains("CSRSRV!CsrDestroyThread+0x").doesNotContain("BaseSrvExitProcess");
        assertThat(worker.alive()).isFalse();
        LabMachine.ok(machine, "g");
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
