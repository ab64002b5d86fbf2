package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.PortObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Windows 10's CreateProcessWithLogonW / CreateProcessWithTokenW through the Secondary Logon
 * service: Microsoft Learn ("the Secondary Logon service must be running"; "the process that
 * calls CreateProcessWithTokenW must have the SE_IMPERSONATE_NAME privilege"; hToken must
 * grant TOKEN_QUERY, TOKEN_DUPLICATE and TOKEN_ASSIGN_PRIMARY), Server 2003 advapi32
 * cseclogn.cxx (RPC, then StartSeclogonService and one more try; the flags it refuses),
 * ReactOS base/services/seclogon/rpcserver.c (OpenProcess of the caller, LogonUser,
 * CreateProcessAsUserW, handles duplicated into the caller).
 */
class SeclogonServiceTest {
    private final Machine m = LabMachine.boot(Profile.MODERN);

    private String call(String caller, String text) {
        return LabMachine.ok(m, ".call " + caller + " " + text).output();
    }

    private List<EProcess> processes(String image) {
        return m.kernel().processes().stream().filter(p -> p.imageFileName.equalsIgnoreCase(image)).toList();
    }

    private static long field(String output, String name) {
        int at = output.indexOf(name + ": ");
        return Long.decode(output.substring(at + name.length() + 2).split("[ \n]")[0]);
    }

    private PortObject endpoint() {
        return RpcServer.endpoint(m.kernel(), SecondaryLogon.ENDPOINT);
    }

    @Test
    void theFirstCallStartsTheServiceHostAndTheSecondReusesIt() {
        List<Long> bootPids = m.kernel().processes().stream().map(p -> p.uniqueProcessId).toList();
        assertThat(processes("svchost.exe")).isEmpty();
        assertThat(endpoint()).isNull();

        assertThat(call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe")).contains("returned TRUE");

        EProcess svchost = processes("svchost.exe").getFirst();
        EProcess services = LabMachine.process(m, "services.exe");
        assertThat(svchost.inheritedFromUniqueProcessId).isEqualTo(services.uniqueProcessId);
        assertThat(svchost.peb.commandLine).isEqualTo("C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s seclogon");
        // the endpoint: an ALPC connection port \RPC Control\SECLOGON that svchost holds a handle to
        PortObject port = endpoint();
        assertThat(port.name).isEqualTo("\\RPC Control\\SECLOGON");
        assertThat(port.ownerProcessId).isEqualTo(svchost.uniqueProcessId);
        assertThat(svchost.objectTable.handles()).anyMatch(h -> svchost.objectTable.lookup(h).object() == port);
        // the SCM keeps its handle to the service's process
        assertThat(services.objectTable.handles()).anyMatch(h -> services.objectTable.lookup(h).object() == svchost);
        // demand start: every process of the boot tree kept its PID
        assertThat(m.kernel().processes().stream().map(p -> p.uniqueProcessId).toList()).containsSubsequence(bootPids);

        assertThat(call("explorer.exe", "CreateProcessWithLogonW bob calc.exe")).contains("returned TRUE");
        assertThat(processes("svchost.exe")).containsExactly(svchost);
        assertThat(endpoint()).isSameAs(port);
        assertThat(m.checkInvariants()).isEmpty();
    }

    @Test
    void theServiceThreadCreatesTheProcessWhileTheCallerWaitsForTheReply() {
        call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe");
        LabMachine.ok(m, "bp nt!PspAllocateProcess");

        assertThat(call("explorer.exe", "CreateProcessWithLogonW bob calc.exe")).startsWith("Breakpoint 0 hit");

        String stack = LabMachine.ok(m, "k").output();
        assertThat(stack).contains("KERNELBASE!CreateProcessAsUserW", "seclogon!SlrCreateProcessWithLogon",
                "seclogon!SeclCreateProcessWithLogonW", "RPCRT4!RpcServerListen", "seclogon!ServiceMain")
                .doesNotContain("ADVAPI32!");
        assertThat(stack.indexOf("seclogon!SlrCreateProcessWithLogon")).isGreaterThan(stack.indexOf("KERNELBASE!CreateProcessAsUserW"));
        assertThat(LabMachine.ok(m, "!thread").output()).contains("Image:         svchost.exe");
        // the caller sent the request and waits for seclogon's reply
        EThread explorer = LabMachine.process(m, "explorer.exe").threadListHead.owners().getFirst();
        assertThat(explorer.tcb.waitReason).isEqualTo(KWaitReason.WrLpcReply);
        assertThat(explorer.frames.stream().map(f -> f.routine.symbol()))
                .contains("ADVAPI32!c_SeclCreateProcessWithLogonW", "RPCRT4!NdrClientCall3", "nt!NtAlpcSendWaitReceivePort");

        assertThat(LabMachine.ok(m, "g").output()).contains("returned TRUE");
    }

    @Test
    void theFirstCallsBreakpointIsTheScmStartingTheHost() {
        LabMachine.ok(m, "bp nt!PspAllocateProcess");

        assertThat(call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe")).startsWith("Breakpoint 0 hit");

        assertThat(LabMachine.ok(m, "k").output()).contains("services!RStartServiceW", "RPCRT4!RpcServerListen", "services!SvcctrlMain");
        assertThat(LabMachine.ok(m, "g").output()).startsWith("Breakpoint 0 hit");
        assertThat(LabMachine.ok(m, "k").output()).contains("seclogon!SlrCreateProcessWithLogon");
    }

    @Test
    void theCallerIsTheParentAndGetsHandlesValidInItsOwnTable() {
        call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe");
        EProcess explorer = LabMachine.process(m, "explorer.exe");
        EProcess svchost = processes("svchost.exe").getFirst();
        int callerHandles = explorer.objectTable.handleCount();
        int serviceHandles = svchost.objectTable.handleCount();

        String out = call("explorer.exe", "CreateProcessWithLogonW bob calc.exe CREATE_SUSPENDED");

        EProcess calc = LabMachine.process(m, "calc.exe");
        assertThat(calc.inheritedFromUniqueProcessId).isEqualTo(explorer.uniqueProcessId);
        assertThat(calc.sessionId).isEqualTo(explorer.sessionId);
        assertThat(calc.token.user).isEqualTo("NTLAB\\bob");
        assertThat(field(out, "dwProcessId")).isEqualTo(calc.uniqueProcessId);
        assertThat(explorer.objectTable.lookup(field(out, "hProcess")).object()).isSameAs(calc);
        assertThat(explorer.objectTable.lookup(field(out, "hThread")).object()).isInstanceOf(EThread.class);
        assertThat(explorer.objectTable.handleCount()).isEqualTo(callerHandles + 2);
        // svchost closed the token, the caller's process handle and its own hProcess / hThread
        assertThat(svchost.objectTable.handleCount()).isEqualTo(serviceHandles);
        assertThat(m.checkInvariants()).isEmpty();
    }

    @Test
    void withTokenNeedsTheImpersonatePrivilegeInTheCaller() {
        long token = field("x: " + call("explorer.exe", "LogonUserW bob").split("returned ")[1], "x");

        String out = call("explorer.exe", "CreateProcessWithTokenW 0x" + Long.toHexString(token) + " notepad.exe");

        assertThat(out).contains("returned FALSE", "ERROR_PRIVILEGE_NOT_HELD").doesNotContain("hProcess");
        assertThat(LabMachine.process(m, "notepad.exe")).isNull();
    }

    @Test
    void withTokenNeedsQueryDuplicateAndAssignPrimaryOnTheHandle() {
        long token = field("x: " + call("lsass.exe", "LogonUserW bob").split("returned ")[1], "x");
        String dup = call("lsass.exe", "DuplicateHandle -1 0x" + Long.toHexString(token) + " -1 0x8");
        long queryOnly = field(dup, "TargetHandle");

        assertThat(call("lsass.exe", "CreateProcessWithTokenW 0x" + Long.toHexString(queryOnly) + " notepad.exe"))
                .contains("returned FALSE", "ERROR_ACCESS_DENIED");
        assertThat(call("lsass.exe", "CreateProcessWithTokenW 0x" + Long.toHexString(token) + " notepad.exe")).contains("returned TRUE");
        assertThat(LabMachine.process(m, "notepad.exe").inheritedFromUniqueProcessId).isEqualTo(LabMachine.process(m, "lsass.exe").uniqueProcessId);
    }

    @Test
    void refusedFlagsFailInTheCallerAndStartNothing() {
        Object before = LabMachine.timeless(m);

        assertThat(call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe DETACHED_PROCESS")).contains("returned FALSE", "ERROR_INVALID_PARAMETER");
        assertThat(call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe DEBUG_PROCESS")).contains("returned FALSE", "ERROR_INVALID_PARAMETER");

        assertThat(processes("svchost.exe")).isEmpty();
        assertThat(LabMachine.timeless(m)).isEqualTo(before);
    }

    @Test
    void aServiceHostThatDiedIsStartedAgain() {
        call("explorer.exe", "CreateProcessWithLogonW alice notepad.exe");
        EProcess first = processes("svchost.exe").getFirst();
        String open = call("lsass.exe", "OpenProcess PROCESS_TERMINATE 0x" + Long.toHexString(first.uniqueProcessId));
        long handle = Long.decode(open.split("returned ")[1].split("\n")[0].trim());
        call("lsass.exe", "TerminateProcess 0x" + Long.toHexString(handle) + " 1");
        // the victim's thread runs its exit APC, and the endpoint goes with the process's handle table
        m.execute("g");
        assertThat(endpoint()).isNull();

        assertThat(call("explorer.exe", "CreateProcessWithLogonW bob calc.exe")).contains("returned TRUE");

        EProcess second = processes("svchost.exe").stream().filter(EProcess::alive).findFirst().orElseThrow();
        assertThat(second).isNotSameAs(first);
        assertThat(endpoint().ownerProcessId).isEqualTo(second.uniqueProcessId);
        assertThat(m.checkInvariants()).isEmpty();
    }

    /**
     * services.exe's own thread is the SCM's only server here (Windows has a pool of rpcrt4
     * threads): a call made on it starts the host directly, but cannot take the host's
     * SetServiceStatus while it polls, so it gives up after StartSeclogonService's 20 s
     * (ERROR_SERVICE_REQUEST_TIMEOUT); once the thread runs on (g), the SCM takes the report, and
     * the next call works.
     */
    @Test
    void theScmsOwnThreadCannotBeBorrowedForACallBecauseItWaitsNonAlertablyOnItsPort() {
        // the SCM's only thread sits in its RPC receive (WrLpcReceive, not alertable): a .call is a
        // user APC, which that wait never takes, so the debugger refuses rather than hang
        String before = m.snapshotJson();
        CommandResult refused = m.execute(".call services.exe CreateProcessWithLogonW alice notepad.exe");

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.output()).contains("services.exe is not in an alertable wait", "WrLpcReceive");
        assertThat(m.snapshotJson()).isEqualTo(before);
        assertThat(processes("svchost.exe")).isEmpty();
    }
}
