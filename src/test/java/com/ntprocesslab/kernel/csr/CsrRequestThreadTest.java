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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * csrss serves its API port on its own CsrApiRequestThread (ReactOS csrsrv/api.c
 * CsrApiPortInitialize, thredsup.c CsrAddStaticServerThread, csrss/csrss.c _main): the first
 * thread creates it suspended with RtlCreateUserThread, registers it as a static server thread,
 * resumes it and ends itself; every message then reaches the request thread.
 */
class CsrRequestThreadTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theRequestThreadServesCsrCreateProcessWhileTheCreatorWaitsAndTheFirstThreadHasEnded(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        CsrServer server = machine.kernel().csrServers.get(Math.max(explorer.sessionId, 0));
        EProcess csrss = server.csrss;
        EThread first = csrss.threadListHead.owners().get(0);
        EThread request = CsrssMessageTest.requestThread(server);
        long requestStart = machine.kernel().symbolAddress("CSRSRV!CsrApiRequestThread");

        // CsrAddStaticServerThread: the one CSR_THREAD of CsrRootProcess, flagged, holding csrss's handle to the thread
        assertThat(server.processes.get(0).threadList).singleElement().satisfies(record -> {
            assertThat(record.flags).isEqualTo(CsrThread.CSR_THREAD_IS_SERVER_THREAD);
            HandleEntry handle = csrss.objectTable.lookup(record.threadHandle);
            assertThat(handle).isNotNull();
            assertThat(handle.object()).isSameAs(request);
        });
        assertThat(request).isNotSameAs(first);
        if (profile == Profile.MODERN) {
            // NtCreateThreadEx: user mode starts in RtlUserThreadStart, with the start routine as Win32StartAddress
            assertThat(request.startAddress).isEqualTo(machine.kernel().symbolAddress("ntdll!RtlUserThreadStart"));
            assertThat(request.win32StartAddress).isEqualTo(requestStart);
        } else {
            // RtlInitializeContext: Eip is the start routine, Eax 0 (PspCreateThread's Win32StartAddress)
            assertThat(request.startAddress).isEqualTo(requestStart);
            assertThat(request.win32StartAddress).isZero();
        }
        // csrss.c _main: NtTerminateThread(NtCurrentThread(), Status) after CsrServerInitialization
        assertThat(first.terminated()).isTrue();
        assertThat(first.exitStatus).isZero();
        assertThat(csrss.activeThreads).isEqualTo(1);
        String threads = LabMachine.ok(machine, "!process 0 2 csrss.exe").output();
        assertThat(threads).contains("Cid " + cid(first) + "  Teb: ").contains(cid(request) + "  Teb: ");
        assertThat(threads.lines().filter(l -> l.contains("Cid " + cid(first))).findFirst().orElseThrow()).endsWith("TERMINATED");

        LabMachine.ok(machine, "bp CSRSRV!CsrCreateProcess");
        String hit = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(hit).startsWith("Breakpoint 0 hit\nCSRSRV!CsrCreateProcess:");
        assertThat(LabMachine.currentThread(machine)).isEqualTo("thread 0x" + Long.toHexString(request.uniqueThread) + " of csrss.exe");
        assertThat(LabMachine.ok(machine, "!thread").output()).startsWith("THREAD ").contains("Cid " + cid(request) + " ")
                .contains("RUNNING");
        List<String> frames = LabMachine.ok(machine, "k").output().lines().skip(1).map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
        assertThat(frames.get(0)).isEqualTo("CSRSRV!CsrCreateProcess");
        assertThat(frames.get(1)).startsWith("BASESRV!BaseSrvCreateProcess+0x");
        assertThat(frames.get(2)).startsWith("CSRSRV!CsrApiRequestThread+0x");
        // XP's thread starts at the routine itself; Windows 10's in RtlUserThreadStart, which calls it
        assertThat(frames.subList(3, frames.size())).isEqualTo(profile == Profile.MODERN ? List.of("ntdll!RtlUserThreadStart+0x21") : List.of());
        EThread creator = explorer.threadListHead.owners().get(0);
        assertThat(creator.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(creator.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReply);

        assertThat(LabMachine.ok(machine, "g").output()).contains("CreateProcessW(C:\\Windows\\System32\\notepad.exe) returned TRUE");
        assertThat(request.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReceive);
        assertThat(request.tcb.waitObject).isSameAs(server.apiPort);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void csrssFirstThreadCreatesRegistersAndResumesTheRequestThreadThenEndsItselfInMain(Profile profile) {
        List<String> ran = new ArrayList<>();
        List<String> registering = new ArrayList<>();
        Machine machine = Machine.boot(profile, e -> {
            EProcess p = e.thread().process;
            if (p == null || !"csrss.exe".equals(p.imageFileName) || p.sessionId > 0) {
                return;
            }
            ran.add(e.routine() + " " + e.symbol());
            if ("CSRSRV!CsrAddStaticServerThread".equals(e.symbol()) && registering.isEmpty()) {
                registering.addAll(e.kernel().engine.stackTrace(e.thread()));
            }
        });
        EThread first = machine.kernel().csrServers.get(0).csrss.threadListHead.owners().get(0);

        assertThat(ran).containsSubsequence("CSRSRV!CsrServerInitialization CSRSRV!CsrInitializeProcessStructure",
                "CSRSRV!CsrApiPortInitialize " + (profile == Profile.MODERN ? "ntdll!NtAlpcCreatePort" : "ntdll!NtCreatePort"),
                "CSRSRV!CsrApiPortInitialize ntdll!RtlCreateUserThread",
                "ntdll!RtlCreateUserThread " + (profile == Profile.MODERN ? "ntdll!NtCreateThreadEx" : "ntdll!NtCreateThread"),
                "CSRSRV!CsrApiPortInitialize CSRSRV!CsrAddStaticServerThread",
                "CSRSRV!CsrApiPortInitialize ntdll!NtResumeThread",
                "csrss!main ntdll!NtTerminateThread");
        // the first thread's stack while it registers the thread: its real routine names, from the image entry point down
        // (the listener runs after the step: CsrApiPortInitialize has entered NtResumeThread by then)
        List<String> below = new ArrayList<>(List.of("CSRSRV!CsrApiPortInitialize", "CSRSRV!CsrServerInitialization", "csrss!main", "csrss!NtProcessStartup"));
        if (profile == Profile.MODERN) {
            // Windows 10 starts every user thread in RtlUserThreadStart, which calls a native image's entry point itself
            below.add("ntdll!RtlUserThreadStart");
        }
        assertThat(registering.stream().map(l -> l.replaceAll("\\+0x[0-9a-f]+$", "")).toList()).endsWith(below.toArray(String[]::new));
        assertThat(first.terminated()).isTrue();
        assertThat(machine.checkInvariants()).isEmpty();
    }

    private static String cid(EThread t) {
        return String.format("%04x.%04x", t.process.uniqueProcessId, t.uniqueThread);
    }
}
