package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateProcessPipelineTest {
    private final Machine machine = LabMachine.boot();

    private static CreateProcessContext creation(EThread thread) {
        for (Frame f : thread.frames) {
            if (f.args instanceof CreateProcessContext c) {
                return c;
            }
        }
        return null;
    }

    private Engine.RunResult runUntil(PendingCall call, String symbol) {
        return LabMachine.runCall(machine, call, at -> symbol.equals(at.symbol()));
    }

    @Test
    void stoppedAroundMmCreateProcessAddressSpaceTheProcessGetsItsDirBaseButNothingElse() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        Engine.RunResult stop = runUntil(call, "nt!MmCreateProcessAddressSpace");
        EProcess process = creation(call.thread()).process;

        assertThat(stop.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(process.addressSpace).isNull();
        assertThat(process.pcb.directoryTableBase).isZero();
        assertThat(machine.kernel().processes()).doesNotContain(process);

        machine.engine().stepInto(call.thread());

        assertThat(process.addressSpace.directoryTableBase).isNotZero();
        assertThat(process.peb).isNull();
        assertThat(process.threadListHead.isEmpty()).isTrue();
        assertThat(process.uniqueProcessId).isZero();
        assertThat(InvariantChecker.check(machine.kernel())).isEmpty();
    }

    @Test
    void theStackAtMmCreateProcessAddressSpaceIsTheSeedSessionChain() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        runUntil(call, "nt!MmCreateProcessAddressSpace");

        List<String> frames = machine.engine().stackTrace(call.thread());

        assertThat(frames.subList(0, 8)).extracting(f -> f.replaceAll("\\+0x[0-9a-f]+$", "")).containsExactly(
                "nt!MmCreateProcessAddressSpace", "nt!PspAllocateProcess", "nt!NtCreateUserProcess", "nt!KiSystemServiceCopyEnd",
                "ntdll!NtCreateUserProcess", "KERNELBASE!CreateProcessInternalW", "KERNELBASE!CreateProcessW", "KERNEL32!CreateProcessWStub");
        assertThat(frames.get(1)).matches("nt!PspAllocateProcess\\+0x[0-9a-f]+");
    }

    @Test
    void afterPspInsertThreadTheThreadIsListedSuspendedButCsrssDoesNotKnowIt() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        runUntil(call, "CSRSRV!CsrCreateProcess");
        CreateProcessContext c = creation(call.thread());
        EProcess notepad = LabMachine.process(machine, "notepad.exe");

        assertThat(notepad.activeThreads).isEqualTo(1);
        assertThat(notepad.peb).isNotNull();
        EThread thread = notepad.threadListHead.owners().get(0);
        assertThat(thread.tcb.suspendCount).isEqualTo(1);
        assertThat(notepad.handleCount).isEqualTo(1);
        assertThat(thread.handleCount).isEqualTo(1);
        assertThat(machine.kernel().csrServers.get(1).find(notepad.uniqueProcessId)).isNull();
        assertThat(c.processHandle).isNotZero();

        LabMachine.runCall(machine, call, null);

        assertThat(notepad.handleCount).isEqualTo(2);
        assertThat(thread.handleCount).isEqualTo(2);
        assertThat(machine.kernel().csrServers.get(1).find(notepad.uniqueProcessId).shutdownLevel).isEqualTo(0x280);
        assertThat(machine.kernel().csrServers.get(1).sessionProcessCount).isEqualTo(3);
    }

    @Test
    void aWholeCreateProcessWVisitsTheSevenStagesInOrder() {
        List<Integer> stages = new ArrayList<>();
        machine.engine().setListener(e -> {
            assertThat(InvariantChecker.check(e.kernel())).isEmpty();
            if (e.stage() > 0) {
                stages.add(e.stage());
            }
        });

        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        LabMachine.ok(machine, "g");

        assertThat(stages).isSorted();
        assertThat(stages).containsSubsequence(1, 2, 3, 4, 5, 6, 7);
        assertThat(LabMachine.process(machine, "notepad.exe").peb.ldr.initialized).isTrue();
    }

    @Test
    void createSuspendedLeavesTheThreadSuspendedWithAnEmptyLoaderUntilResumeThread() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED").output();
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        EThread thread = notepad.threadListHead.owners().get(0);

        assertThat(out).contains("returned TRUE").contains("hThread: 0x10");
        assertThat(thread.tcb.suspendCount).isEqualTo(1);
        assertThat(thread.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(thread.tcb.waitReason).isEqualTo(KWaitReason.Suspended);
        assertThat(notepad.peb.ldr).isNull();

        String resumed = LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10").output();
        assertThat(notepad.peb.ldr).isNull();
        LabMachine.ok(machine, "g");

        assertThat(resumed).contains("returned 0x1");
        assertThat(thread.tcb.suspendCount).isZero();
        assertThat(notepad.peb.ldr.inLoadOrderModuleList).extracting(e -> e.baseDllName())
                .containsExactly("notepad.exe", "ntdll.dll", "kernel32.dll", "KernelBase.dll", "user32.dll");
    }

    @Test
    void suspendThreadStacksOnTheSuspendCount() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe CREATE_SUSPENDED");

        assertThat(LabMachine.ok(machine, ".call explorer.exe SuspendThread 0x10").output()).contains("returned 0x1");
        assertThat(LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10").output()).contains("returned 0x2");
        assertThat(LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0).tcb.suspendCount).isEqualTo(1);
    }

    @Test
    void thePriorityClassSetsTheBasePriorityAndRealtimeNeedsThePrivilege() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe IDLE_PRIORITY_CLASS");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW calc.exe 0x4000");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe REALTIME_PRIORITY_CLASS|CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call winlogon.exe CreateProcessW C:\\Tools\\launcher.exe REALTIME_PRIORITY_CLASS|CREATE_SUSPENDED");

        assertThat(LabMachine.process(machine, "notepad.exe").pcb.basePriority).isEqualTo(4);
        assertThat(LabMachine.process(machine, "calc.exe").pcb.basePriority).isEqualTo(6);
        assertThat(LabMachine.process(machine, "worker.exe").pcb.basePriority).isEqualTo(13);
        assertThat(LabMachine.process(machine, "launcher.exe").pcb.basePriority).isEqualTo(24);
    }

    @Test
    void anIfeoDebuggerRestartsStageOneWithTheDebuggerImage() {
        LabMachine.ok(machine, ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\notepad.exe\" Debugger C:\\Windows\\System32\\calc.exe");
        List<Integer> stages = new ArrayList<>();
        machine.engine().setListener(e -> {
            if (e.stage() > 0 && e.thread().process.imageFileName.equals("explorer.exe")) {
                stages.add(e.stage());
            }
        });

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(out).contains("returned TRUE");
        assertThat(LabMachine.process(machine, "notepad.exe")).isNull();
        EProcess calc = LabMachine.process(machine, "calc.exe");
        assertThat(calc.peb.commandLine).isEqualTo("C:\\Windows\\System32\\calc.exe C:\\Windows\\System32\\notepad.exe");
        assertThat(stages).containsSubsequence(1, 2, 1, 2, 3, 4, 5, 6);
        assertThat(InvariantChecker.check(machine.kernel())).isEmpty();
    }

    @Test
    void aBatchFileRunsThroughCmdExeAndItsExitCodeComesBack() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\run-worker.cmd").output();
        EProcess cmd = LabMachine.process(machine, "cmd.exe");
        assertThat(cmd.peb.commandLine).isEqualTo("C:\\Windows\\System32\\cmd.exe /c C:\\Tools\\run-worker.cmd");

        LabMachine.ok(machine, "g");

        assertThat(out).contains("returned TRUE");
        assertThat(cmd.exitStatus).isEqualTo(3);
        assertThat(LabMachine.process(machine, "worker.exe")).isNull();
    }

    @Test
    void createProcessAFollowsTheSamePipeline() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessA calc.exe").output();

        assertThat(out).contains("CreateProcessA(calc.exe) returned TRUE");
        assertThat(LabMachine.process(machine, "calc.exe").inheritedFromUniqueProcessId)
                .isEqualTo(LabMachine.process(machine, "explorer.exe").uniqueProcessId);
    }
}
