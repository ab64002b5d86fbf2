package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import org.junit.jupiter.api.Test;

/** What the partly built machine looks like when stopped inside each stage. */
class StageStateTest {
    private final Machine machine = LabMachine.boot();
    private final PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

    private Engine.RunResult stopBefore(String symbol) {
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> symbol.equals(at.symbol()));
        // a call that runs to its end without reaching the symbol must not pass for a stop inside it
        assertThat(stop.reason()).as("stopped before " + symbol).isEqualTo(Engine.Reason.BREAKPOINT);
        return stop;
    }

    private CreateProcessContext context() {
        for (Frame f : call.thread().frames) {
            if (f.args instanceof CreateProcessContext c) {
                return c;
            }
        }
        throw new AssertionError("no creation in progress");
    }

    private long objectsOf(ObjectType type) {
        return machine.kernel().objects.values().stream().filter(o -> o.type == type).count();
    }

    @Test
    void stageOneHasResolvedThePathAndCreatedNothing() {
        long processes = objectsOf(ObjectType.Process);
        long files = objectsOf(ObjectType.File);

        Engine.RunResult stop = stopBefore("ntdll!NtCreateUserProcess");

        assertThat(stop.stoppedAt().stage()).isEqualTo(1);
        assertThat(context().ntPath).isEqualTo("\\??\\C:\\Windows\\System32\\notepad.exe");
        assertThat(objectsOf(ObjectType.Process)).isEqualTo(processes);
        assertThat(objectsOf(ObjectType.File)).isEqualTo(files);
    }

    @Test
    void stageTwoOpensTheFileAndCreatesTheImageSectionBeforeAnyProcess() {
        stopBefore("nt!PspAllocateProcess");

        CreateProcessContext c = context();
        assertThat(c.file.file.path()).isEqualTo("C:\\Windows\\System32\\notepad.exe");
        assertThat(c.section.fileObject).isSameAs(c.file);
        assertThat(c.file.pointerCount).isEqualTo(2);
        assertThat(c.process).isNull();
    }

    @Test
    void stageThreeEndsWithTheProcessListedAndAHandleInTheParent() {
        stopBefore("nt!PspAllocateThread");

        EProcess p = context().process;
        assertThat(machine.kernel().processes()).contains(p);
        assertThat(p.uniqueProcessId).isNotZero();
        assertThat(p.peb.imagePathName).isEqualTo("C:\\Windows\\System32\\notepad.exe");
        assertThat(p.peb.ldr).isNull();
        assertThat(p.addressSpace.vadRoot.values()).extracting(v -> v.mapped())
                .contains("C:\\Windows\\System32\\notepad.exe", "C:\\Windows\\System32\\ntdll.dll", "PEB");
        assertThat(p.threadListHead.isEmpty()).isTrue();
        assertThat(p.handleCount).isEqualTo(1);
    }

    @Test
    void stageFourBuildsTheThreadWithItsTebBeforeListingIt() {
        stopBefore("nt!PspInsertThread");

        EThread t = context().thread;
        assertThat(t.teb.address).isEqualTo(context().process.peb.address + 0x1000);
        assertThat(t.tcb.state).isEqualTo(KThreadState.Initialized);
        assertThat(t.tcb.suspendCount).isEqualTo(1);
        assertThat(t.threadListEntry.linked()).isFalse();
        assertThat(machine.kernel().pspCidTable.lookup(t.uniqueThread)).isSameAs(t);
    }

    @Test
    void stageSixResumesAndStageSevenRunsTheLoaderInTheNewProcess() {
        stopBefore("nt!KeResumeThread");
        EThread t = LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0);
        assertThat(t.tcb.waitReason).isNotNull();

        LabMachine.runCall(machine, call, null);
        assertThat(t.tcb.state).isEqualTo(KThreadState.Ready);
        machine.engine().completePendingCalls();

        Engine.RunResult stop = machine.engine().runScheduler(10_000, at -> "ntdll!LdrpCallInitRoutine".equals(at.symbol()));

        assertThat(stop.stoppedAt().thread()).isSameAs(t);
        assertThat(stop.stoppedAt().stage()).isEqualTo(7);
        EProcess notepad = t.process;
        assertThat(notepad.peb.ldr.inLoadOrderModuleList).hasSize(5);
        assertThat(notepad.peb.ldr.inInitializationOrderModuleList).isEmpty();
        assertThat(machine.engine().stackTrace(t).get(1)).startsWith("ntdll!LdrpInitializeProcess+0x");
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
