package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15 with a victim of three threads (C:\Tools\threads.exe: main and two workers from
 * CreateThread), on both kernels, as WRK psdelete.c and ReactOS ps/kill.c do it: the caller
 * queues the exit APC to every thread and returns; each victim runs PspExitThread on its own
 * thread; the last one out runs PspExitProcess; an own-process exit ends the caller last.
 */
class MultiThreadTerminationTest {

    private static String tid(EThread t) {
        return "thread 0x" + Long.toHexString(t.uniqueThread) + " of threads.exe";
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void terminatingAnotherProcessEndsEachOfItsThreadsOnThatThreadAndTheLastRunsTheRundown(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(machine, "g");
        EProcess p = LabMachine.process(machine, "threads.exe");
        List<EThread> victims = List.copyOf(p.threadListHead.owners());
        assertThat(victims).hasSize(3);
        assertThat(victims).allSatisfy(t -> assertThat(t.tcb.waitReason).isEqualTo(KWaitReason.UserRequest));
        long handlesBefore = p.handleCount;

        String terminated = LabMachine.ok(machine, ".call explorer.exe TerminateProcess 0xc 0x9").output();

        assertThat(terminated).contains("returned TRUE");
        // every victim has its exit APC and was readied out of its wait; none has exited yet
        assertThat(victims).allSatisfy(t -> {
            assertThat(t.tcb.kernelApcQueue).extracting(a -> a.routine()).containsExactly("nt!PsExitSpecialApc");
            assertThat(t.tcb.state).isEqualTo(KThreadState.Ready);
            assertThat(t.terminationRequested).isTrue();
        });
        assertThat(p.activeThreads).isEqualTo(3);
        assertThat(p.processExiting).isTrue();
        assertThat(p.exited).isFalse();

        LabMachine.ok(machine, "bp nt!PspExitThread");
        LabMachine.ok(machine, "bp nt!PspExitProcess");
        List<String> exits = new ArrayList<>();
        String rundownThread = null;
        for (int i = 0; i < 6 && rundownThread == null; i++) {
            String out = LabMachine.ok(machine, "g").output();
            if (out.startsWith("Breakpoint 0 hit")) {
                exits.add(LabMachine.currentThread(machine));
                String stack = LabMachine.ok(machine, "k").output();
                assertThat(stack).contains("nt!PsExitSpecialApc+0x", "nt!KiDeliverApc+0x").doesNotContain("explorer!", "NtTerminateProcess");
            } else if (out.startsWith("Breakpoint 1 hit")) {
                rundownThread = LabMachine.currentThread(machine);
                assertThat(p.activeThreads).isEqualTo(1);
            }
        }
        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");

        assertThat(exits).containsExactlyInAnyOrderElementsOf(victims.stream().map(MultiThreadTerminationTest::tid).toList());
        assertThat(rundownThread).isEqualTo(exits.get(exits.size() - 1));
        assertThat(victims).allSatisfy(t -> {
            assertThat(t.tcb.state).isEqualTo(KThreadState.Terminated);
            assertThat(t.exitStatus).isEqualTo(9);
        });
        assertThat(p.exited).isTrue();
        assertThat(p.exitStatus).isEqualTo(9);
        assertThat(p.activeThreads).isZero();
        // its handle table is gone (ObKillProcess); explorer's process handle keeps the object, its thread handle the main thread
        assertThat(p.objectTable).isNull();
        assertThat(handlesBefore).isPositive();
        assertThat(p.handleCount).isEqualTo(1);
        assertThat(victims.get(0).handleCount).isEqualTo(1);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anOwnProcessExitWithThreeThreadsQueuesTheOthersFirstAndTheCallerDoesNotWait(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\threads.exe");
        LabMachine.ok(machine, "g");
        EProcess p = LabMachine.process(machine, "threads.exe");
        List<EThread> threads = List.copyOf(p.threadListHead.owners());
        EThread caller = threads.get(0);
        LabMachine.ok(machine, "bp nt!PspTerminateThreadByPointer");
        LabMachine.ok(machine, "bp nt!PspExitThread");
        LabMachine.ok(machine, "bp nt!PspExitProcess");

        // the .call runs on the process's first thread: ExitProcess's NtTerminateProcess(0) queues the
        // others' exit APCs, then NtTerminateProcess(-1) ends the caller itself (WRK psdelete.c)
        LabMachine.begin(machine, ".call threads.exe ExitProcess 4");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 12 && !p.exited; i++) {
            String out = LabMachine.ok(machine, "g").output();
            String where = out.startsWith("Breakpoint 0 hit") ? "terminate" : out.startsWith("Breakpoint 1 hit") ? "exit"
                    : out.startsWith("Breakpoint 2 hit") ? "rundown" : null;
            if (where != null) {
                stops.add(where + " on " + LabMachine.currentThread(machine));
            }
        }
        LabMachine.ok(machine, "bc *");
        LabMachine.ok(machine, "g");

        String on = " on " + tid(caller);
        // every request comes from the caller, before anyone exits: the others first (NtTerminateProcess(0)), then
        // again with the caller itself last (NtTerminateProcess(-1); the others' APC is queued only once)
        List<String> requests = stops.stream().takeWhile(s -> s.startsWith("terminate")).toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(3).allMatch(s -> s.equals("terminate" + on));
        assertThat(threads.get(1).tcb.kernelApcQueue).isEmpty();
        List<String> after = stops.subList(requests.size(), stops.size());
        // the caller does not wait for them: it exits first, each worker then exits on its own thread, the last one runs the rundown
        assertThat(after).hasSize(4);
        assertThat(after.get(0)).isEqualTo("exit" + on);
        assertThat(after.subList(1, 3)).containsExactlyInAnyOrder("exit on " + tid(threads.get(1)), "exit on " + tid(threads.get(2)));
        assertThat(after.get(3)).isEqualTo("rundown" + after.get(2).substring("exit".length()));
        assertThat(p.exited).isTrue();
        assertThat(p.exitStatus).isEqualTo(4);
        assertThat(threads).allSatisfy(t -> assertThat(t.tcb.state).isEqualTo(KThreadState.Terminated));
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
