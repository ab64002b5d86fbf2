package com.ntprocesslab.kernel.ps;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PspProcessDelete and PspThreadDelete (WRK base/ntos/ps/psdelete.c) are routines of steps
 * that the closing thread runs when its NtClose drops the last reference: WRK ob/obclose.c
 * ObpCloseHandleTableEntry → ObDereferenceObject; ob/obref.c ObfDereferenceObject →
 * ObpRemoveObjectRoutine → the type's DeleteProcedure. The invariant checker runs after each step.
 */
class ProcessDeletionTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void closingTheLastHandleOfADeadProcessRunsPspProcessDeleteOnTheClosingThread(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        long pid = deadNotepad(machine);
        LabMachine.ok(machine, ".call explorer.exe CloseHandle " + threadHandle(profile));
        EProcess notepad = LabMachine.processByPid(machine.kernel(), pid);
        LabMachine.ok(machine, "bp nt!PspProcessDelete");

        String hit = LabMachine.ok(machine, ".call explorer.exe CloseHandle " + processHandle(profile)).output();

        assertThat(hit).contains("Breakpoint 0 hit").contains("nt!PspProcessDelete:");
        assertThat(LabMachine.currentThread(machine)).endsWith("of explorer.exe");
        assertThat(frames(LabMachine.ok(machine, "k").output())).containsSubsequence(
                "nt!PspProcessDelete", "nt!ObpRemoveObjectRoutine", "nt!ObfDereferenceObject",
                "nt!ObpCloseHandleTableEntry", "nt!ObpCloseHandle", "nt!NtClose");
        // ObpRemoveObjectRoutine runs the delete procedure with both counts at zero
        assertThat(notepad.deleted).isTrue();
        assertThat(notepad.pointerCount).isZero();
        assertThat(notepad.handleCount).isZero();
        assertThat(machine.kernel().processes()).contains(notepad);

        // WRK's order: list removal, DebugPort/SectionObject, address space, CID, security
        assertThat(stepOver(machine)).contains("call    nt!ObfDereferenceObject");
        assertThat(machine.kernel().processes()).doesNotContain(notepad);
        assertThat(notepad.sectionObject).isNotNull();
        stepOver(machine);
        assertThat(notepad.sectionObject).isNull();
        assertThat(stepOver(machine)).contains("call    nt!MmDeleteProcessAddressSpace");
        assertThat(stepOver(machine)).contains("call    nt!ExDestroyHandle");
        assertThat(notepad.addressSpace).isNull();
        assertThat(machine.kernel().pspCidTable.lookup(pid)).isSameAs(notepad);
        assertThat(stepOver(machine)).contains("call    nt!PspDeleteProcessSecurity");
        assertThat(machine.kernel().pspCidTable.lookup(pid)).isNull();
        assertThat(notepad.token).isNotNull();
        stepOver(machine);
        assertThat(notepad.token).isNull();
        assertThat(machine.kernel().objects).containsKey(notepad.address);
        assertThat(stepOver(machine)).contains("call    nt!ObpFreeObject");
        stepOver(machine);
        assertThat(machine.kernel().objects).doesNotContainKey(notepad.address);

        assertThat(LabMachine.ok(machine, "g").output()).contains("CloseHandle(" + processHandle(profile) + ") returned TRUE");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void closingTheLastHandleOfAnExitedThreadRunsPspThreadDelete(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        long pid = deadNotepad(machine);
        EThread thread = LabMachine.processByPid(machine.kernel(), pid).threadListHead.owners().getFirst();
        long tid = thread.uniqueThread;
        LabMachine.ok(machine, "bp nt!PspThreadDelete");

        String hit = LabMachine.ok(machine, ".call explorer.exe CloseHandle " + threadHandle(profile)).output();

        assertThat(hit).contains("nt!PspThreadDelete:").contains("call    nt!ExDestroyHandle");
        assertThat(frames(LabMachine.ok(machine, "k").output())).containsSubsequence(
                "nt!PspThreadDelete", "nt!ObpRemoveObjectRoutine", "nt!ObfDereferenceObject", "nt!NtClose");
        stepOver(machine);
        assertThat(machine.kernel().pspCidTable.lookup(tid)).isNull();
        assertThat(thread.threadListEntry.linked()).isTrue();
        stepOver(machine);
        assertThat(thread.threadListEntry.linked()).isFalse();
        // the process still has its handle in explorer: the thread's dereference is not its last
        assertThat(thread.process).isNotNull();
        stepOver(machine);
        assertThat(thread.process).isNull();
        assertThat(LabMachine.processByPid(machine.kernel(), pid).deleted).isFalse();
        LabMachine.ok(machine, "g");
        assertThat(machine.kernel().objects).doesNotContainKey(thread.address);
    }

    /** A handle that is not the last reference closes in one step, as before: no delete procedure runs. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void closingAHandleOfALiveProcessRunsNoDeleteProcedure(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        LabMachine.ok(machine, "g");
        LabMachine.ok(machine, "bp nt!PspProcessDelete");
        LabMachine.ok(machine, "bp nt!PspThreadDelete");

        String out = LabMachine.ok(machine, ".call explorer.exe CloseHandle " + processHandle(profile)).output();

        assertThat(out).doesNotContain("Breakpoint").contains("returned TRUE");
        assertThat(LabMachine.process(machine, "notepad.exe").deleted).isFalse();
    }

    private static long deadNotepad(Machine machine) {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe");
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        LabMachine.ok(machine, ".call explorer.exe TerminateProcess " + processHandleOf(machine) + " 1");
        LabMachine.ok(machine, "g");
        assertThat(notepad.exited).isTrue();
        return notepad.uniqueProcessId;
    }

    private static String processHandleOf(Machine machine) {
        return processHandle(machine.kernel().profile);
    }

    /**
     * CreateProcessW's hProcess and hThread in explorer: the first two free slots on both
     * profiles, after its csrss client port (0x4) and its input event (0x8).
     */
    private static String processHandle(Profile profile) {
        return "0xc";
    }

    private static String threadHandle(Profile profile) {
        return "0x10";
    }

    private static String stepOver(Machine machine) {
        return LabMachine.ok(machine, "p").output();
    }

    private static java.util.List<String> frames(String k) {
        return k.lines().skip(1).map(line -> line.substring(line.lastIndexOf(' ') + 1).replaceAll("\\+0x[0-9a-f]+$", "")).toList();
    }
}
