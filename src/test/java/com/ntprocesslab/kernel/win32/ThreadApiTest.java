package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CreateThread / CreateRemoteThread, TerminateThread, GetExitCodeThread and
 * Get/SetThreadPriority on both kernels, each rule with its source (ReactOS kernel32
 * client/thread.c, WRK ps/create.c, ps/psdelete.c, ps/psquery.c, ke/thredobj.c; MS docs
 * CreateRemoteThread, GetExitCodeThread, SetThreadPriority).
 */
class ThreadApiTest {

    private static Machine withThreads(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(machine, "g");
        return machine;
    }

    private static String returned(String output) {
        return output.replaceAll("(?s).*returned (0x[0-9a-f]+).*", "$1");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theGuestProgramsWorkersRunTheirStartRoutineOnThreadsOfTheirOwn(Profile profile) {
        Machine machine = withThreads(profile);
        EProcess p = LabMachine.process(machine, "threads.exe");
        List<EThread> threads = p.threadListHead.owners();

        assertThat(threads).hasSize(3);
        assertThat(p.activeThreads).isEqualTo(3);
        assertThat(threads).allSatisfy(t -> {
            assertThat(t.tcb.state).isEqualTo(KThreadState.Waiting);
            assertThat(t.tcb.waitReason).isEqualTo(KWaitReason.UserRequest);
        });
        // main's two thread handles (THREAD_ALL_ACCESS on Windows 10, XP's 0x1f03ff) and its event
        assertThat(p.handleCount).isGreaterThanOrEqualTo(1);
        assertThat(threads.get(1).startRoutine).isEqualTo("Worker");
        assertThat(threads.get(1).win32StartAddress).isEqualTo(machine.kernel().symbolAddress("threads!Worker"));
        String worker = LabMachine.ok(machine, "!thread " + Long.toHexString(threads.get(1).address)).output();
        // the start of every thread after the first: WRK/ReactOS BaseThreadStart on XP, RtlUserThreadStart -> BaseThreadInitThunk on Windows 10
        List<String> bottom = profile == Profile.CLASSIC
                ? List.of("threads!Worker", "kernel32!BaseThreadStart", "kernel32!BaseThreadStartThunk")
                : List.of("threads!Worker", "KERNEL32!BaseThreadInitThunk", "ntdll!RtlUserThreadStart");
        assertThat(callSites(worker).subList(callSites(worker).size() - 3, callSites(worker).size())).isEqualTo(bottom);
        String main = LabMachine.ok(machine, "!thread " + Long.toHexString(threads.get(0).address)).output();
        assertThat(main).doesNotContain("BaseThreadStart+", "threads!Worker");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    private static List<String> callSites(String threadOutput) {
        // x64 !thread puts kb's four arguments between RetAddr and the call site ("Child-SP RetAddr : Args to Child : Call Site"),
        // x86 its three, without colons ("ChildEBP RetAddr  Args to Child")
        return threadOutput.lines().filter(l -> l.matches("\\s*[0-9a-f`]{8,17} [0-9a-f`]{8,17} (: [0-9a-f?` ]+ : |([0-9a-f?]{8} ){3})?\\S+"))
                .map(l -> l.trim().replaceAll(".* ", "").replaceAll("\\+0x[0-9a-f]+$", "")).toList();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void createThreadReturnsTheHandleAndIdAndTheNotifyAndDebugPathsRunOnTheNewThread(Profile profile) {
        Machine machine = withThreads(profile);
        EProcess p = LabMachine.process(machine, "threads.exe");
        LabMachine.ok(machine, "bp nt!PspCallThreadNotifyRoutines");
        LabMachine.ok(machine, "bp nt!DbgkCreateThread");

        String created = LabMachine.ok(machine, ".call threads.exe CreateThread Worker").output();
        String notify = LabMachine.currentThread(machine);

        assertThat(created).startsWith("Breakpoint 0 hit");
        // the thread callbacks run on the creating thread (in PspInsertThread), the debugger's on the new one as it starts
        assertThat(notify).isEqualTo("thread 0x" + Long.toHexString(p.threadListHead.owners().get(0).uniqueThread) + " of threads.exe");
        // the creator's call completes; the new thread then starts and reports itself to the debugger on its own thread
        String done = LabMachine.ok(machine, "g").output();
        EThread fresh = p.threadListHead.owners().get(3);
        assertThat(done).startsWith("Breakpoint 1 hit\nnt!DbgkCreateThread:")
                .contains("CreateThread(Worker) returned 0x", "ThreadId: 0x" + Long.toHexString(fresh.uniqueThread));
        assertThat(LabMachine.currentThread(machine)).isEqualTo("thread 0x" + Long.toHexString(fresh.uniqueThread) + " of threads.exe");
        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");
        assertThat(fresh.tcb.waitReason).isEqualTo(KWaitReason.UserRequest);
        assertThat(p.activeThreads).isEqualTo(4);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void createSuspendedLeavesTheThreadSuspendedUntilResumeThread(Profile profile) {
        Machine machine = withThreads(profile);
        EProcess p = LabMachine.process(machine, "threads.exe");
        String created = LabMachine.ok(machine, ".call threads.exe CreateThread Worker CREATE_SUSPENDED").output();
        EThread fresh = p.threadListHead.owners().get(3);
        assertThat(fresh.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(fresh.tcb.waitReason).isEqualTo(KWaitReason.Suspended);
        assertThat(fresh.tcb.suspendCount).isEqualTo(1);
        assertThat(fresh.started).isFalse();
        LabMachine.ok(machine, "g");
        assertThat(fresh.started).isFalse();

        String resumed = LabMachine.ok(machine, ".call threads.exe ResumeThread " + returned(created)).output();
        LabMachine.ok(machine, "g");

        assertThat(resumed).contains("returned 0x1");
        assertThat(fresh.started).isTrue();
        assertThat(fresh.tcb.waitReason).isEqualTo(KWaitReason.UserRequest);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void createRemoteThreadNeedsProcessCreateThreadAndAStartRoutineTheTargetHas(Profile profile) {
        Machine machine = withThreads(profile);
        EProcess p = LabMachine.process(machine, "threads.exe");
        String pid = "0x" + Long.toHexString(p.uniqueProcessId);
        Object before = LabMachine.timeless(machine);

        // an image without that procedure: refused before anything is made
        String unknown = LabMachine.ok(machine, ".call explorer.exe CreateRemoteThread 0xc NoSuchRoutine").output();
        assertThat(unknown).contains("returned NULL", "LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        // ObReferenceObjectByHandle(PROCESS_CREATE_THREAD) in PspCreateThread (WRK ps/create.c)
        String opened = LabMachine.ok(machine, ".call winlogon.exe OpenProcess PROCESS_TERMINATE " + pid).output();
        String denied = LabMachine.ok(machine, ".call winlogon.exe CreateRemoteThread " + returned(opened) + " Worker").output();
        assertThat(denied).contains("returned NULL", "LastError: 0x5 (ERROR_ACCESS_DENIED)");
        String bad = LabMachine.ok(machine, ".call explorer.exe CreateRemoteThread 0x4444 Worker").output();
        assertThat(bad).contains("returned NULL", "LastError: 0x6 (ERROR_INVALID_HANDLE)");
        assertThat(p.activeThreads).isEqualTo(3);

        String remote = LabMachine.ok(machine, ".call explorer.exe CreateRemoteThread 0xc Worker").output();
        LabMachine.ok(machine, "g");

        // success leaves the last error alone (CreateRemoteThread sets it only on failure)
        assertThat(remote).contains("returned 0x", "ThreadId: 0x");
        EThread fresh = p.threadListHead.owners().get(3);
        assertThat(fresh.process).isSameAs(p);
        assertThat(fresh.started).isTrue();
        // the handle is the creator's: explorer's table holds it
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        assertThat(explorer.objectTable.lookup(Long.decode(returned(remote))).object()).isSameAs(fresh);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void terminateThreadEndsTheVictimInItsOwnContextAndGetExitCodeThreadSeesIt(Profile profile) {
        Machine machine = withThreads(profile);
        EProcess p = LabMachine.process(machine, "threads.exe");
        String remote = LabMachine.ok(machine, ".call explorer.exe CreateRemoteThread 0xc Worker").output();
        LabMachine.ok(machine, "g");
        String h = returned(remote);
        EThread victim = p.threadListHead.owners().get(3);

        assertThat(LabMachine.ok(machine, ".call explorer.exe GetExitCodeThread " + h).output())
                .contains("returned TRUE", "ExitCode: 0x103 (STILL_ACTIVE)");
        assertThat(LabMachine.ok(machine, ".call explorer.exe TerminateThread 0 1").output())
                .contains("returned FALSE", "ERROR_INVALID_HANDLE");
        LabMachine.ok(machine, "bp nt!PspExitThread");
        LabMachine.ok(machine, "bp nt!PspExitProcess");
        String terminated = LabMachine.ok(machine, ".call explorer.exe TerminateThread " + h + " 0x2a").output();
        // asynchronous: the caller returns, the victim has its exit APC and runs to take it
        assertThat(terminated).contains("returned TRUE");
        assertThat(victim.tcb.kernelApcQueue).extracting(a -> a.routine()).containsExactly("nt!PsExitSpecialApc");
        String hit = LabMachine.ok(machine, "g").output();
        assertThat(hit).startsWith("Breakpoint 0 hit\nnt!PspExitThread:");
        assertThat(LabMachine.currentThread(machine)).isEqualTo("thread 0x" + Long.toHexString(victim.uniqueThread) + " of threads.exe");
        String rest = LabMachine.ok(machine, "g").output();

        // not the last thread: no process rundown
        assertThat(rest).doesNotContain("Breakpoint 1 hit");
        assertThat(victim.tcb.state).isEqualTo(KThreadState.Terminated);
        assertThat(p.exited).isFalse();
        assertThat(p.activeThreads).isEqualTo(3);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetExitCodeThread " + h).output()).contains("ExitCode: 0x2a");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void threadPrioritiesAreIncrementsOverTheProcessBaseWithSaturation(Profile profile) {
        Machine machine = withThreads(profile);
        EProcess p = LabMachine.process(machine, "threads.exe");
        String remote = LabMachine.ok(machine, ".call explorer.exe CreateRemoteThread 0xc Worker CREATE_SUSPENDED").output();
        String h = returned(remote);
        EThread t = p.threadListHead.owners().get(3);

        assertThat(LabMachine.ok(machine, ".call explorer.exe GetThreadPriority " + h).output()).contains("returned 0 (THREAD_PRIORITY_NORMAL)");
        assertThat(LabMachine.ok(machine, ".call explorer.exe SetThreadPriority " + h + " THREAD_PRIORITY_HIGHEST").output()).contains("returned TRUE");
        // NORMAL_PRIORITY_CLASS base 8 + 2 (KeSetBasePriorityThread, WRK ke/thredobj.c)
        assertThat(t.tcb.basePriority).isEqualTo(10);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetThreadPriority " + h).output()).contains("returned 2 (THREAD_PRIORITY_HIGHEST)");
        // TIME_CRITICAL saturates to 15 in the variable range; GetThreadPriority reads it back as 15
        LabMachine.ok(machine, ".call explorer.exe SetThreadPriority " + h + " THREAD_PRIORITY_TIME_CRITICAL");
        assertThat(t.tcb.basePriority).isEqualTo(15);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetThreadPriority " + h).output()).contains("returned 15 (THREAD_PRIORITY_TIME_CRITICAL)");
        LabMachine.ok(machine, ".call explorer.exe SetThreadPriority " + h + " THREAD_PRIORITY_IDLE");
        assertThat(t.tcb.basePriority).isEqualTo(1);
        // outside [-2, 2] and not +-15: NtSetInformationThread refuses it (STATUS_INVALID_PARAMETER)
        String bad = LabMachine.ok(machine, ".call explorer.exe SetThreadPriority " + h + " 5").output();
        assertThat(bad).contains("returned FALSE", "LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        assertThat(t.tcb.basePriority).isEqualTo(1);
        assertThat(LabMachine.ok(machine, ".call explorer.exe SetThreadPriority " + h + " -1").output()).contains("returned TRUE");
        assertThat(t.tcb.basePriority).isEqualTo(7);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetThreadPriority 0x4444").output())
                .contains("THREAD_PRIORITY_ERROR_RETURN", "ERROR_INVALID_HANDLE");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void badArgumentsAreRefusedWithAMessageAndChangeNothing(Profile profile) {
        Machine machine = withThreads(profile);
        Object before = LabMachine.timeless(machine);
        assertThat(machine.execute(".call threads.exe CreateThread").output()).contains("CreateThread takes <StartRoutine>");
        assertThat(machine.execute(".call threads.exe CreateThread 9bad").output()).contains("Syntax error at '9bad'");
        assertThat(machine.execute(".call threads.exe SetThreadPriority 0x8 HIGHISH").output()).contains("Syntax error at 'HIGHISH'");
        assertThat(machine.execute(".call threads.exe TerminateThread 0x8").output()).contains("TerminateThread takes <hThread> <exitcode>");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateThread Worker").output())
                .contains("returned NULL", "ERROR_INVALID_PARAMETER");
        assertThat(LabMachine.process(machine, "explorer.exe").activeThreads).isEqualTo(1);
    }
}
