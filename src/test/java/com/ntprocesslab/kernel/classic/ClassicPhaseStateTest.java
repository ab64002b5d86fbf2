package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.mm.SectionObject;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.ClassicThreadStartup;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.win32.CreateProcessContext;
import org.junit.jupiter.api.Test;

/** What the partly built machine looks like when stopped inside each classic phase. */
class ClassicPhaseStateTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
    private final EProcess explorer = LabMachine.process(machine, "explorer.exe");

    private Engine.RunResult stopBefore(String symbol) {
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> symbol.equals(at.symbol()));
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

    private EProcess newProcess() {
        return (EProcess) explorer.objectTable.lookup(context().processHandle).object();
    }

    @Test
    void phaseOneLeavesTheImageOpenAsASectionHandleAndNoProcess() {
        long processes = objectsOf(ObjectType.Process);

        Engine.RunResult stop = stopBefore("ntdll!NtCreateProcessEx");

        assertThat(stop.stoppedAt().stage()).isEqualTo(2);
        CreateProcessContext c = context();
        assertThat(c.fileHandle).isZero();
        SectionObject section = (SectionObject) explorer.objectTable.lookup(c.sectionHandle).object();
        assertThat(section.fileObject.file.path()).isEqualTo("C:\\Windows\\System32\\notepad.exe");
        assertThat(section.fileObject.handleCount).isZero();
        assertThat(section.fileObject.pointerCount).isEqualTo(1);
        assertThat(c.imageInformation.sizeOfStackReserve()).isEqualTo(0x100000);
        assertThat(objectsOf(ObjectType.Process)).isEqualTo(processes);
    }

    @Test
    void insidePspCreateProcessTheAddressSpaceComesBeforeTheIdAndTheList() {
        stopBefore("nt!KeInitializeProcess");

        EProcess p = context().process;
        assertThat(p.addressSpace.directoryTableBase).isNotZero();
        assertThat(p.pcb.initialized).isFalse();
        assertThat(p.uniqueProcessId).isZero();
        // WRK and SP3 both make the token before the address space
        assertThat(p.token).isNotNull();
        assertThat(p.debugPort).isNull(); // DbgkCopyProcessDebugPort: explorer is not being debugged
        assertThat(p.sectionObject).isNotNull();
        assertThat(p.inheritedFromUniqueProcessId).isEqualTo(explorer.uniqueProcessId);
        assertThat(machine.kernel().processes()).doesNotContain(p);
    }

    @Test
    void theSessionGoesIntoTheTokenBeforeTheIdAndTheHandleTableGetsItsOwner() {
        stopBefore("nt!SeSetSessionIdToken");
        EProcess p = context().process;
        p.token.sessionId = 7; // what SeSetSessionIdToken must overwrite with MmGetSessionId's answer
        assertThat(p.uniqueProcessId).isZero();

        stopBefore("nt!ExCreateHandle");
        assertThat(p.token.sessionId).isZero();
        assertThat(p.uniqueProcessId).isZero();

        stopBefore("nt!MmCreatePeb");
        assertThat(p.uniqueProcessId).isNotZero();
        assertThat(p.objectTable.uniqueProcessId).isEqualTo(p.uniqueProcessId);
        assertThat(p.peb).isNull();
    }

    @Test
    void mmCreatePebAttachesMapsTheNlsTablesAndDetaches() {
        stopBefore("nt!MiCreatePebOrTeb");
        EProcess p = context().process;
        assertThat(call.thread().tcb.apcStateProcess).isSameAs(p.pcb);
        assertThat(p.addressSpace.vadRoot.values()).extracting(v -> v.mapped()).contains("NLS tables");
        assertThat(p.peb).isNull();
        String kthread = LabMachine.ok(machine, "dt nt!_KTHREAD " + Long.toHexString(call.thread().address)).output();
        assertThat(kthread).contains("ApcState.Process : 0x" + Long.toHexString(p.address) + " _KPROCESS (notepad.exe)",
                "ApcStateIndex    : 0x1 (attached)");

        stopBefore("nt!KeDetachProcess");
        assertThat(p.peb.address).isEqualTo(0x7ffdf000L);
        assertThat(p.peb.beingDebugged).isFalse();

        stopBefore("nt!SeCreateAccessStateEx");
        assertThat(call.thread().tcb.apcStateProcess).isNull();
        assertThat(LabMachine.ok(machine, "dt nt!_KTHREAD " + Long.toHexString(call.thread().address)).output())
                .contains("ApcState.Process : 0x" + Long.toHexString(explorer.address) + " _KPROCESS (explorer.exe)");
    }

    @Test
    void afterObInsertObjectTheProcessGetsItsPriorityGrantedAccessAndCreateTime() {
        stopBefore("nt!PspComputeQuantumAndPriority");
        EProcess p = context().process;
        assertThat(explorer.objectTable.lookup(context().processHandle).object()).isSameAs(p);
        assertThat(p.grantedAccess).isZero();
        assertThat(p.createTime).isZero();
        long tokenReferences = p.token.pointerCount;

        stopBefore("nt!SeAccessCheck");
        assertThat(p.token.pointerCount).isEqualTo(tokenReferences + 1); // PsReferencePrimaryToken

        stopBefore("nt!KeQuerySystemTime");
        assertThat(p.token.pointerCount).isEqualTo(tokenReferences);
        assertThat(p.grantedAccess).isEqualTo(0x1F0FFF);
        assertThat(p.pcb.basePriority).isEqualTo(8);

        stopBefore("nt!ObDereferenceObject");
        assertThat(p.createTime).isNotZero();
    }

    @Test
    void keInitThreadBuildsTheKernelStackAndTrapFrameForKiThreadStartup() {
        stopBefore("nt!MmCreateKernelStack");
        EThread t = context().thread;
        assertThat(t.kernelStackBase).isZero();
        assertThat(t.teb.address).isEqualTo(0x7ffde000L);

        stopBefore("nt!KiInitializeContextThread");
        assertThat(t.kernelStackBase).isBetween(0xf7000000L, 0xf7c00000L);

        stopBefore("nt!KeStartThread");
        assertThat(t.initialStack).isEqualTo(t.kernelStackBase - 0x210);
        assertThat(t.trapFrame).isEqualTo(t.initialStack - 0x8c);
        assertThat(t.kernelStack).isLessThan(t.trapFrame);
        assertThat(t.initialRoutine).isSameAs(ClassicThreadStartup.KiThreadStartup);
        String thread = LabMachine.ok(machine, "!thread " + Long.toHexString(t.address)).output();
        assertThat(thread).contains(String.format("Stack Init %08x Current %08x Base %08x Limit %08x",
                t.initialStack, t.kernelStack, t.kernelStackBase, t.kernelStackBase - 0x3000));
        assertThat(LabMachine.ok(machine, "dt nt!_KTHREAD " + Long.toHexString(t.address)).output())
                .contains(String.format("TrapFrame        : 0x%08x _KTRAP_FRAME", t.trapFrame));
    }

    @Test
    void pspCreateThreadEndsWithTheAccessStateHandleCreateTimeAndGrantedAccess() {
        stopBefore("nt!KeStartThread");
        stopBefore("nt!SeCreateAccessStateEx");
        EThread t = context().thread;
        assertThat(t.createTime).isZero();
        assertThat(t.tcb.suspendCount).isEqualTo(1);

        stopBefore("nt!KeQuerySystemTime");
        assertThat(explorer.objectTable.lookup(context().threadHandle).grantedAccess()).isEqualTo(0x1F03FF);
        assertThat(t.createTime).isZero();

        stopBefore("nt!SeAccessCheck");
        assertThat(t.createTime).isNotZero();
        assertThat(t.grantedAccess).isZero();

        stopBefore("nt!KeReadyThread");
        assertThat(t.grantedAccess).isEqualTo(0x1F03FF);
    }

    @Test
    void theImageIsMappedWhileAttachedToTheNewProcess() {
        stopBefore("nt!MmMapViewOfSection");

        EProcess p = context().process;
        assertThat(call.thread().tcb.apcStateProcess).isSameAs(p.pcb);
        assertThat(p.objectTable).isNotNull();
        assertThat(p.token).isNotNull();

        stopBefore("nt!PspMapSystemDll");
        assertThat(call.thread().tcb.apcStateProcess).isNull();
        assertThat(p.imageFileName).isEqualTo("notepad.exe");
        assertThat(p.sectionBaseAddress).isEqualTo(0x01000000L); // XP links its executables at 0x01000000
    }

    @Test
    void phaseTwoEndsWithTheProcessListedWithoutParametersOrThreads() {
        stopBefore("ntdll!NtQueryInformationProcess");

        EProcess p = newProcess();
        CreateProcessContext c = context();
        // the section handle is gone before any thread exists: the process holds the section
        assertThat(c.sectionHandle).isZero();
        assertThat(explorer.objectTable.lookup(0x10)).isNull();
        assertThat(p.sectionObject.handleCount).isZero();
        assertThat(machine.kernel().processes()).contains(p);
        assertThat(p.uniqueProcessId).isNotZero();
        assertThat(p.handleCount).isEqualTo(1);
        assertThat(p.pointerCount).isEqualTo(1);
        assertThat(p.createTime).isNotZero();
        assertThat(p.peb.commandLine).isNull();
        assertThat(p.threadListHead.isEmpty()).isTrue();
        assertThat(context().process).isNull();

        stopBefore("kernel32!BasePushProcessParameters");
        assertThat(c.pebBaseAddress).isEqualTo(p.peb.address).isEqualTo(0x7ffdf000L);
        assertThat(c.sxsImageBase).isEqualTo(0x01000000L);

        stopBefore("kernel32!BaseCreateStack");
        assertThat(p.peb.commandLine).isEqualTo("C:\\Windows\\System32\\notepad.exe");
        assertThat(p.defaultHardErrorProcessing).isEqualTo(explorer.defaultHardErrorProcessing);
    }

    @Test
    void phaseThreeBuildsStackAndContextInUserModeBeforeTheKernelMakesTheThread() {
        stopBefore("ntdll!NtCreateThread");

        EProcess p = newProcess();
        CreateProcessContext c = context();
        assertThat(p.addressSpace.vadRoot.values()).extracting(v -> v.mapped()).contains("Stack");
        assertThat(c.contextStartAddress).isEqualTo(Symbols.address("kernel32!BaseProcessStartThunk", Profile.CLASSIC));
        assertThat(c.contextStartAddress).isBetween(0x7c800000L, 0x7c8f6000L); // inside XP's kernel32 (seed 003: 7C817054)
        assertThat(c.contextEntryPoint).isEqualTo(0x01000000L + 0x1b30);
        assertThat(p.threadListHead.isEmpty()).isTrue();

        stopBefore("nt!KeStartThread");
        EThread t = context().thread;
        assertThat(t.teb.stackBase).isEqualTo(c.stackBase);
        assertThat(t.initialRoutine).isSameAs(ClassicThreadStartup.KiThreadStartup);
        assertThat(t.startAddress).isEqualTo(c.contextStartAddress);
        assertThat(t.tcb.state).isEqualTo(KThreadState.Initialized);
        assertThat(t.threadListEntry.linked()).isFalse();
        assertThat(machine.kernel().pspCidTable.lookup(t.uniqueThread)).isSameAs(t);
    }

    // phase 4 (the thread listed suspended, csrss told before NtResumeThread) is checked on both profiles in
    // win32.CreateProcessPipelineTest.beforeCsrssIsToldTheThreadIsListedSuspendedAndCsrssDoesNotKnowIt

    @Test
    void phasesFiveAndSixRunInTheNewThread() {
        stopBefore("nt!KeResumeThread");
        EThread t = newProcess().threadListHead.owners().get(0);
        LabMachine.runCall(machine, call, null);
        machine.engine().completePendingCalls();
        assertThat(t.tcb.state).isEqualTo(KThreadState.Ready);

        Engine.RunResult apc = machine.engine().runScheduler(10_000, at -> "nt!KiDeliverApc".equals(at.symbol()));
        assertThat(apc.stoppedAt().thread()).isSameAs(t);
        assertThat(apc.stoppedAt().stage()).isEqualTo(5);
        assertThat(t.tcb.userApcQueue).extracting(a -> a.routine()).containsExactly("ntdll!LdrInitializeThunk");
        assertThat(t.process.peb.ldr).isNull();

        Engine.RunResult start = machine.engine().runScheduler(10_000, at -> "kernel32!BaseProcessStart".equals(at.symbol()));
        assertThat(start.stoppedAt().stage()).isEqualTo(6);
        assertThat(t.tcb.userApcQueue).isEmpty();
        assertThat(t.process.peb.ldr.initialized).isTrue();
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
