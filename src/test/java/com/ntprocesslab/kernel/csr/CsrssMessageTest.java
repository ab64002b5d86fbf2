package com.ntprocesslab.kernel.csr;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.ApiCall;
import com.ntprocesslab.kernel.win32.ApiSpec;
import com.ntprocesslab.kernel.win32.Apis;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The csrss message on both kernels (ReactOS csrsrv/api.c CsrApiRequestThread): at a
 * breakpoint in CsrCreateProcess the executing thread is csrss's, its stack is csrss's, the
 * creator waits for the reply in WrLpcReply, and the port object counts the message.
 */
class CsrssMessageTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void csrssRegistersTheNewProcessOnItsOwnThreadWhileTheCreatorWaitsForTheReply(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        // explorer's session: 1 on Windows 10, 0 on XP (one session, one csrss)
        int session = Math.max(LabMachine.process(machine, "explorer.exe").sessionId, 0);
        CsrServer server = machine.kernel().csrServers.get(session);
        assertThat(server.apiPort.type).isEqualTo(profile == Profile.CLASSIC ? ObjectType.Port : ObjectType.AlpcPort);
        assertThat(server.apiPort.name).isEqualTo(session == 0 ? "\\Windows\\ApiPort" : "\\Sessions\\1\\Windows\\ApiPort");
        assertThat(server.apiPort.handleCount).isEqualTo(1);
        long sent = server.apiPort.messagesSent;
        // the thread that serves the port is the request thread CsrAddStaticServerThread registered, not csrss's first thread
        EThread csrss = requestThread(server);
        assertThat(csrss.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReceive);
        LabMachine.ok(machine, "bp CSRSRV!CsrCreateProcess");

        String hit = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nCSRSRV!CsrCreateProcess:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(LabMachine.ok(machine, "!thread").output()).contains("Image:         csrss.exe");
        String stack = LabMachine.ok(machine, "k").output();
        assertThat(stack).contains("CSRSRV!CsrCreateProcess", "BASESRV!BaseSrvCreateProcess+0x", "CSRSRV!CsrApiRequestThread+0x")
                .doesNotContain("explorer!", "CsrClientCallServer");
        EThread explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
        assertThat(explorer.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(explorer.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReply);
        assertThat(server.apiPort.messagesSent).isEqualTo(sent + 1);
        assertThat(server.apiPort.inService).isNotNull();
        assertThat(server.apiPort.inService.clientThread).isEqualTo(explorer.uniqueThread);

        String done = LabMachine.ok(machine, "g").output();

        assertThat(done).contains("CreateProcessW(C:\\Windows\\System32\\notepad.exe) returned TRUE");
        assertThat(server.apiPort.queue).isEmpty();
        assertThat(server.find(LabMachine.process(machine, "notepad.exe").uniqueProcessId)).isNotNull();
        assertThat(csrss.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReceive);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aProcessEndReachesCsrssAsLpcClientDiedAndCsrssForgetsItOnItsThread(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        CsrServer server = machine.kernel().csrServers.get(Math.max(LabMachine.process(machine, "explorer.exe").sessionId, 0));
        long pid = LabMachine.process(machine, "notepad.exe").uniqueProcessId;
        LabMachine.ok(machine, ".call explorer.exe TerminateProcess 0xc 1");
        LabMachine.ok(machine, "bp CSRSRV!CsrDestroyProcess");

        String hit = LabMachine.ok(machine, "g").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nCSRSRV!CsrDestroyProcess:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(LabMachine.ok(machine, "k").output()).contains("CSRSRV!CsrDestroyThread+0x", "CSRSRV!CsrApiRequestThread+0x")
                .doesNotContain("nt!PspExitProcess");
        LabMachine.ok(machine, "g");
        assertThat(server.find(pid)).isNull();
        assertThat(machine.checkInvariants()).isEmpty();
    }
    @ParameterizedTest
    @EnumSource(Profile.class)
    void tOnTheStepThatMakesTheCreatorWaitShowsCsrssServerThreadWhichRunsNext(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        EThread explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
        LabMachine.ok(machine, "bp ntdll!CsrClientCallServer");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        String previous = "";
        String blocked = "";
        for (int i = 0; i < 40 && explorer.tcb.state != KThreadState.Waiting; i++) {
            previous = blocked;
            blocked = LabMachine.ok(machine, "t").output();
        }
        // the loop's last t is the one whose step blocked: it shows where csrss's server thread stands, not explorer's location again
        assertThat(blocked).isNotEqualTo(previous);
        assertThat(explorer.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReply);
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(LabMachine.ok(machine, "k").output()).contains("CSRSRV!CsrApiRequestThread+0x").doesNotContain("explorer!");
        String next = LabMachine.ok(machine, "t").output();
        assertThat(next).isNotEqualTo(blocked);
        assertThat(LabMachine.currentThread(machine)).endsWith(" of csrss.exe");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void csrssItselfCallsTheServerRoutineDirectlyAndSendsNoMessage(Profile profile) {
        // not checked after every step: the harness below runs user code above the thread's kernel wait
        Machine machine = Machine.boot(profile);
        CsrServer server = machine.kernel().csrServers.get(0);
        long sent = server.apiPort.messagesSent;
        EThread thread = server.csrss.threadListHead.owners().get(0);
        // csrss's server thread waits for the port non-alertably: a .call (a user APC) cannot run there
        assertThat(machine.execute(".call " + Long.toHexString(server.csrss.uniqueProcessId) + " CreateProcessW notepad.exe").output())
                .contains("of csrss.exe is not in an alertable wait");
        // so the test runs csrss's own CreateProcessW on that thread directly, as its code would call it,
        // and puts the thread back in its wait afterwards (the invariants hold again then)
        ApiSpec spec = Apis.find("CreateProcessW");
        ApiCall call = new ApiCall(spec, "C:\\Windows\\System32\\notepad.exe");
        assertThat(spec.parser().parse(List.of("C:\\Windows\\System32\\notepad.exe"), call)).isNull();
        call.callerPid = server.csrss.uniqueProcessId;
        KThreadState state = thread.tcb.state;
        KWaitReason reason = thread.tcb.waitReason;
        com.ntprocesslab.kernel.ke.DispatcherObject object = thread.tcb.waitObject;
        Frame entry = Frame.entered(spec.entryFor(profile), call);
        entry.injected = true;
        int depth = thread.frames.size();
        thread.frames.add(entry);
        thread.tcb.state = KThreadState.Running;

        Engine.RunResult hit = machine.engine().runThread(thread, depth, 100_000, at -> "CSRSRV!CsrCallServerFromServer".equals(at.symbol()));

        // ReactOS ntdll/csr/connect.c: inside csrss, CsrClientCallServer calls CsrCallServerFromServer, not the port
        assertThat(hit.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(machine.engine().stackTrace(thread).subList(0, 2))
                .satisfiesExactly(line -> assertThat(line).isEqualTo("CSRSRV!CsrCallServerFromServer"),
                        line -> assertThat(line).startsWith("ntdll!CsrClientCallServer+0x"));
        assertThat(server.apiPort.messagesSent).as("no request on the port").isEqualTo(sent);
        assertThat(machine.engine().runThread(thread, depth, 100_000, null).reason()).isEqualTo(Engine.Reason.COMPLETED);
        thread.tcb.state = state;
        thread.tcb.waitReason = reason;
        thread.tcb.waitObject = object;
        assertThat(call.returnValue).isEqualTo(1);
        assertThat(server.find(LabMachine.process(machine, "notepad.exe").uniqueProcessId)).isNotNull();
        assertThat(machine.checkInvariants()).isEmpty();
    }

    /** csrss's request thread: the static server thread in CsrRootProcess's ThreadList. */
    static EThread requestThread(CsrServer server) {
        long tid = server.processes.get(0).threadList.get(0).uniqueThread;
        return server.csrss.threadListHead.owners().stream().filter(t -> t.uniqueThread == tid).findFirst().orElseThrow();
    }
}
