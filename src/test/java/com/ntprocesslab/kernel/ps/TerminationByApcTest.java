package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Termination as ReactOS ps/kill.c and WRK psdelete.c do it, on both kernels: the caller
 * queues the exit APC and returns; each victim runs PspExitThread in its own context when the
 * scheduler runs it; the last thread out runs PspExitProcess; an own-process exit ends on
 * the caller's thread without waiting for anyone.
 */
class TerminationByApcTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anotherProcessExitsOnItsOwnThreadWhenItTakesTheExitApc(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        EThread victim = notepad.threadListHead.owners().get(0);
        assertThat(victim.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(victim.tcb.waitReason).isEqualTo(KWaitReason.UserRequest);
        // explorer waits on notepad's process object: it wakes when the last thread signals it
        LabMachine.ok(machine, ".call explorer.exe WaitForSingleObject 0xc");
        EThread explorer = LabMachine.process(machine, "explorer.exe").threadListHead.owners().get(0);
        assertThat(explorer.tcb.waitReason).isEqualTo(KWaitReason.UserRequest);
        assertThat(explorer.tcb.waitObject).isSameAs(notepad);
        String pid = "0x" + Long.toHexString(notepad.uniqueProcessId);
        String opened = LabMachine.ok(machine, ".call winlogon.exe OpenProcess PROCESS_TERMINATE " + pid).output();
        String handle = opened.replaceAll("(?s).*returned (0x[0-9a-f]+).*", "$1");

        String terminated = LabMachine.ok(machine, ".call winlogon.exe TerminateProcess " + handle + " 0x7").output();

        assertThat(terminated).contains("returned TRUE");
        assertThat(victim.tcb.state).isEqualTo(KThreadState.Ready);
        assertThat(victim.tcb.kernelApcQueue).extracting(a -> a.routine()).containsExactly("nt!PsExitSpecialApc");
        assertThat(notepad.exited).isFalse();
        assertThat(notepad.activeThreads).isEqualTo(1);
        // the caller goes on: another .call is made while the victim's APC is pending
        assertThat(LabMachine.ok(machine, ".call winlogon.exe GetLastError").output()).contains("returned");

        LabMachine.ok(machine, "bp nt!PspExitThread");
        LabMachine.ok(machine, "bp nt!PspExitProcess");
        String exitThread = LabMachine.ok(machine, "g").output();
        assertThat(exitThread).startsWith("Breakpoint 0 hit\nnt!PspExitThread:");
        assertThat(LabMachine.currentThread(machine)).isEqualTo("thread 0x" + Long.toHexString(victim.uniqueThread) + " of notepad.exe");
        String stack = LabMachine.ok(machine, "k").output();
        assertThat(stack.lines().skip(1).map(l -> l.substring(l.lastIndexOf(' ') + 1)).limit(4))
                .containsExactly("nt!PspExitThread", "nt!PsExitSpecialApc+0x" + hexAfter(stack, "nt!PsExitSpecialApc"),
                        "nt!KiDeliverApc+0x" + hexAfter(stack, "nt!KiDeliverApc"), stack.lines().skip(4).findFirst().orElseThrow().replaceAll(".* ", ""));
        assertThat(stack).doesNotContain("explorer!", "winlogon!", "NtTerminateProcess");

        String exitProcess = LabMachine.ok(machine, "g").output();
        assertThat(exitProcess).startsWith("Breakpoint 1 hit\nnt!PspExitProcess:");
        assertThat(LabMachine.currentThread(machine)).endsWith(" of notepad.exe");
        LabMachine.ok(machine, "bc *");
        String rest = LabMachine.ok(machine, "g").output();

        assertThat(victim.tcb.state).isEqualTo(KThreadState.Terminated);
        assertThat(victim.exitStatus).isEqualTo(7);
        assertThat(notepad.exited).isTrue();
        assertThat(notepad.exitStatus).isEqualTo(7);
        assertThat(notepad.activeThreads).isZero();
        // explorer's two handles (process, thread) and winlogon's one keep the objects
        assertThat(notepad.handleCount).isEqualTo(2);
        assertThat(victim.handleCount).isEqualTo(1);
        assertThat(rest).contains("WaitForSingleObject(0xc) returned 0x0 (WAIT_OBJECT_0)");
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anOwnProcessExitEndsOnTheCallersThreadWithoutWaiting(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, "bp nt!PspTerminateThreadByPointer");
        LabMachine.ok(machine, "bp nt!PspExitProcess");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe");
        EProcess worker = LabMachine.process(machine, "worker.exe");
        String tid = "thread 0x" + Long.toHexString(worker.threadListHead.owners().get(0).uniqueThread) + " of worker.exe";

        String first = LabMachine.ok(machine, "g").output();
        String firstThread = LabMachine.currentThread(machine);
        String second = LabMachine.ok(machine, "g").output();
        String secondThread = LabMachine.currentThread(machine);
        String stack = LabMachine.ok(machine, "k").output();
        String rundown = LabMachine.ok(machine, "g").output();

        // ExitProcess: NtTerminateProcess(0) finds no other thread; NtTerminateProcess(-1) ends the caller itself
        assertThat(first).startsWith("Breakpoint 0 hit\nnt!PspTerminateThreadByPointer:");
        assertThat(firstThread).isEqualTo(tid);
        assertThat(second).startsWith("Breakpoint 1 hit\nnt!PspExitProcess:");
        assertThat(secondThread).isEqualTo(tid);
        assertThat(stack).contains("nt!PspExitThread+0x", "nt!PspTerminateThreadByPointer+0x", "nt!NtTerminateProcess+0x")
                .doesNotContain("KiDeliverApc");
        assertThat(rundown).doesNotStartWith("Breakpoint");
        assertThat(worker.exited).isTrue();
        assertThat(worker.exitStatus).isEqualTo(3);
        assertThat(worker.threadListHead.owners().get(0).tcb.kernelApcQueue).isEmpty();
        assertThat(machine.checkInvariants()).isEmpty();
    }

    private static String hexAfter(String stack, String symbol) {
        int at = stack.indexOf(symbol + "+0x");
        return at < 0 ? "?" : stack.substring(at + symbol.length() + 3).split("\\s")[0];
    }
}
