package com.ntprocesslab.kernel.kd;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.machine.Kernel;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.ApiCall;
import com.ntprocesslab.kernel.win32.GuestLocals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * .call as a user APC (QueueUserAPC semantics): the program idles in an alertable wait, the APC
 * ends it with STATUS_USER_APC, KiUserApcDispatcher runs the API, NtContinue returns the wait's
 * WAIT_IO_COMPLETION to the program, whose loop waits again. A thread that does not wait
 * alertably is refused, and nothing changes.
 */
class UserApcCallTest {

    /** Every WaitForSingleObjectEx result the programs' loops saw (the capture step reads it), with invariants checked per step. */
    private final List<Long> alertableWaitResults = new ArrayList<>();
    private final java.util.Set<ApiCall> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private Machine boot(Profile profile) {
        return Machine.boot(profile, this::afterStep);
    }

    private void afterStep(Engine.StepEvent<Kernel, EThread> event) {
        List<String> problems = InvariantChecker.check(event.kernel());
        if (!problems.isEmpty()) {
            throw new AssertionError("After step " + event.position() + " (" + event.symbol() + "): " + problems);
        }
        Frame top = event.thread().top();
        if (top != null && top.args instanceof GuestLocals locals && locals.current != null && locals.current.alertable
                && top.routine.symbol().endsWith("!wWinMainCRTStartup") && locals.current.returnValue == ApiCall.WAIT_IO_COMPLETION
                && seen.add(locals.current)) {
            alertableWaitResults.add(locals.current.returnValue);
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void createProcessRunsFromKiUserApcDispatcherAndTheThreadWaitsAgainAlertably(Profile profile) {
        Machine machine = boot(profile);
        EThread explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
        assertThat(explorer.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(explorer.tcb.waitReason).isEqualTo(KWaitReason.UserRequest);
        assertThat(LabMachine.ok(machine, "!process 0 7 explorer.exe").output()).contains("WAIT: (UserRequest) UserMode Alertable");
        List<String> waitBefore = frames(explorer);
        String waitApi = profile == Profile.CLASSIC ? "kernel32!WaitForSingleObjectEx" : "KERNELBASE!WaitForSingleObjectEx";
        assertThat(waitBefore).anyMatch(f -> f.startsWith(waitApi + "@"));

        LabMachine.ok(machine, "bu nt!MmCreateProcessAddressSpace");
        String hit = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        assertThat(hit).startsWith("Breakpoint 0 hit");

        List<String> sites = callSites(LabMachine.ok(machine, "k").output());
        String api = profile == Profile.CLASSIC ? "kernel32!CreateProcessW+" : "KERNEL32!CreateProcessWStub+";
        String dispatch = profile == Profile.CLASSIC ? "kernel32!BaseDispatchAPC+" : "ntdll!RtlDispatchAPC+";
        int apiLine = indexStarting(sites, api);
        assertThat(apiLine).isPositive();
        assertThat(sites.get(apiLine + 1)).startsWith(dispatch);
        assertThat(sites.get(apiLine + 2)).startsWith("ntdll!KiUserApcDispatcher+");
        // on XP the dispatcher returns where the trap frame pointed, KiFastSystemCallRet, above the stub's call [edx]
        int stub = profile == Profile.CLASSIC ? apiLine + 4 : apiLine + 3;
        if (profile == Profile.CLASSIC) {
            assertThat(sites.get(apiLine + 3)).isEqualTo("ntdll!KiFastSystemCallRet");
        }
        assertThat(sites.get(stub)).startsWith("ntdll!NtWaitForSingleObject+");
        assertThat(sites.get(stub + 1)).startsWith(waitApi + "+");
        int firstUser = indexWhere(sites, s -> !s.startsWith("nt!"));
        assertThat(sites.subList(firstUser, sites.size())).noneMatch(s -> s.startsWith("nt!"));
        // the machine's own frames agree: kernel frames only on top, none under a user-mode frame
        assertThat(kernelFramesAreOnTopOnly(explorer)).isTrue();
        assertThat(explorer.tcb.userApcQueue).isEmpty();
        assertThat(explorer.tcb.userApcPending).isFalse();

        String finished = LabMachine.ok(machine, "g").output();

        assertThat(finished).contains("CreateProcessW(C:\\Windows\\System32\\notepad.exe) returned TRUE", "LastError: 0x0 (ERROR_SUCCESS)");
        assertThat(LabMachine.process(machine, "notepad.exe")).isNotNull();
        assertThat(alertableWaitResults).containsExactly(ApiCall.WAIT_IO_COMPLETION);
        assertThat(explorer.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(explorer.tcb.alertable).isTrue();
        assertThat(frames(explorer)).isEqualTo(waitBefore);
        assertThat(machine.kernel().pendingCalls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aCallWithoutBreakpointsPrintsItsResultWithTheThreadBackInItsWait(Profile profile) {
        Machine machine = boot(profile);
        EThread explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
        List<String> waitBefore = frames(explorer);

        String created = LabMachine.ok(machine, ".call explorer.exe CreateEventW").output();

        assertThat(created).contains("CreateEventW() returned 0x", "LastError: 0x0");
        assertThat(explorer.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(frames(explorer)).isEqualTo(waitBefore);
        assertThat(alertableWaitResults).containsExactly(ApiCall.WAIT_IO_COMPLETION);
        // a timed wait inside the APC still times out, then the thread is back in its alertable wait
        String handle = created.replaceAll("(?s).*returned (0x[0-9a-f]+).*", "$1");
        assertThat(LabMachine.ok(machine, ".call explorer.exe WaitForSingleObject " + handle + " 5").output()).contains("is waiting");
        assertThat(LabMachine.ok(machine, "!thread").output()).contains("UserMode Non-Alertable");
        assertThat(LabMachine.ok(machine, "g").output()).contains("returned 0x102 (WAIT_TIMEOUT)");
        assertThat(frames(explorer)).isEqualTo(waitBefore);
        assertThat(explorer.tcb.alertable).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void travellingBackFromInsideTheApcFindsTheThreadInItsAlertableWaitWithNothingQueued(Profile profile) {
        Machine machine = boot(profile);
        List<String> waitBefore = frames(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0));
        long start = machine.position();
        LabMachine.ok(machine, "bu nt!MmCreateProcessAddressSpace");
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output())
                .startsWith("Breakpoint 0 hit");

        LabMachine.ok(machine, "!tt " + start);

        EThread past = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
        assertThat(past.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(past.tcb.alertable).isTrue();
        assertThat(past.tcb.userApcQueue).isEmpty();
        assertThat(frames(past)).isEqualTo(waitBefore);
        LabMachine.ok(machine, "!tt present");
        assertThat(LabMachine.ok(machine, "g").output()).contains("returned TRUE");
        assertThat(frames(LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0))).isEqualTo(waitBefore);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aThreadThatDoesNotWaitAlertablyIsRefusedAndNothingChanges(Profile profile) {
        Machine machine = boot(profile);
        // smss waits for csrss with NtWaitForSingleObject(..., Alertable FALSE, ...)
        String before = machine.snapshotJson();
        long position = machine.position();

        CommandResult refused = machine.execute(".call smss.exe CloseHandle 4");

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.output()).contains("of smss.exe is not in an alertable wait", "user APCs run only in an alertable user-mode wait");
        assertThat(machine.position()).isEqualTo(position);
        assertThat(machine.snapshotJson()).isEqualTo(before);
        assertThat(LabMachine.process(machine, "smss.exe").threadListHead.owners().get(0).tcb.userApcQueue).isEmpty();
    }

    /** Each frame's routine and step: the thread's stack as the engine holds it. */
    private static List<String> frames(EThread t) {
        List<String> frames = new ArrayList<>();
        for (Frame f : t.frames) {
            frames.add(f.routine.symbol() + "@" + f.pc);
        }
        return frames;
    }

    private static boolean kernelFramesAreOnTopOnly(EThread t) {
        boolean kernel = false;
        for (Frame f : t.frames) {
            if (f.routine.kernelMode()) {
                kernel = true;
            } else if (kernel) {
                return false;
            }
        }
        return true;
    }

    private static List<String> callSites(String k) {
        return k.lines().skip(1).map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    }

    private static int indexStarting(List<String> sites, String prefix) {
        return indexWhere(sites, s -> s.startsWith(prefix));
    }

    private static int indexWhere(List<String> sites, java.util.function.Predicate<String> test) {
        for (int i = 0; i < sites.size(); i++) {
            if (test.test(sites.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
