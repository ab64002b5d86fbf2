package com.ntprocesslab.kernel.win32;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CreateProcessW end to end on both kernels. What differs between the profiles is data (the
 * dialect below): how many stages (modern) or phases (classic) a creation has, the call chain
 * from the caller to the address space, where csrss is told, which DLLs the loader maps. The
 * pipeline facts only the XP code has are in classic.ClassicPipelineTest.
 */
class CreateProcessPipelineTest {

    /**
     * One profile's CreateProcessW as data. {@code stages}: the last stage or phase; {@code ifeoRestarts}:
     * how often an IFEO Debugger sends the creation back from stage 2 to stage 1 (the modern kernel
     * finds it in NtCreateUserProcess, XP's kernel32 before any native service); {@code beforeCsrssIsTold}:
     * the first symbol at which csrss is about to register the new process; {@code win32ProcessesInThatSession}:
     * csrss's count of its session's Win32 processes besides itself once notepad is registered (modern
     * session 1: winlogon, explorer, notepad; XP session 0 adds services, lsass and svchost).
     */
    private record Dialect(int stages, List<String> chainToTheAddressSpace, String beforeCsrssIsTold, int csrSession,
            int win32ProcessesInThatSession, int ifeoRestarts, List<String> notepadModules) {
        static Dialect of(Profile profile) {
            return profile == Profile.MODERN
                    ? new Dialect(7, List.of("nt!MmCreateProcessAddressSpace", "nt!PspAllocateProcess", "nt!NtCreateUserProcess",
                            "nt!KiSystemServiceCopyEnd", "ntdll!NtCreateUserProcess", "KERNELBASE!CreateProcessInternalW",
                            "KERNELBASE!CreateProcessW", "KERNEL32!CreateProcessWStub"),
                            "CSRSRV!CsrCreateProcess", 1, 3, 1,
                            List.of("notepad.exe", "ntdll.dll", "kernel32.dll", "KernelBase.dll", "user32.dll"))
                    : new Dialect(6, List.of("nt!MmCreateProcessAddressSpace", "nt!PspCreateProcess", "nt!NtCreateProcessEx",
                            "nt!KiFastCallEntry", "ntdll!KiFastSystemCallRet", "ntdll!NtCreateProcessEx", "kernel32!CreateProcessInternalW",
                            "kernel32!CreateProcessW"),
                            "ntdll!CsrClientCallServer", 0, 6, 0,
                            // XP has no KernelBase.dll: kernel32 imports ntdll only; notepad also imports advapi32
                            List.of("notepad.exe", "ntdll.dll", "kernel32.dll", "advapi32.dll", "user32.dll"));
        }
    }

    private static CreateProcessContext creation(EThread thread) {
        for (Frame f : thread.frames) {
            if (f.args instanceof CreateProcessContext c) {
                return c;
            }
        }
        return null;
    }

    /** Runs the pending call to just before {@code symbol}, and fails if the call never gets there. */
    private static Engine.RunResult runUntil(Machine machine, PendingCall call, String symbol) {
        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> symbol.equals(at.symbol()));
        assertThat(stop.reason()).as("stopped before " + symbol).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(stop.stoppedAt().symbol()).isEqualTo(symbol);
        return stop;
    }

    private static List<String> withoutOffsets(List<String> stack) {
        return stack.stream().map(f -> f.replaceAll("\\+0x[0-9a-f]+$", "")).toList();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void stoppedAroundMmCreateProcessAddressSpaceTheProcessGetsItsDirBaseButNothingElse(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        runUntil(machine, call, "nt!MmCreateProcessAddressSpace");
        EProcess process = creation(call.thread()).process;

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

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theStackAtMmCreateProcessAddressSpaceIsTheProfilesCallChain(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        List<String> chain = Dialect.of(profile).chainToTheAddressSpace();
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        runUntil(machine, call, "nt!MmCreateProcessAddressSpace");

        List<String> frames = machine.engine().stackTrace(call.thread());

        assertThat(withoutOffsets(frames.subList(0, chain.size()))).containsExactlyElementsOf(chain);
        assertThat(frames.get(1)).matches(chain.get(1) + "\\+0x[0-9a-f]+");
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void beforeCsrssIsToldTheThreadIsListedSuspendedAndCsrssDoesNotKnowIt(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        Dialect dialect = Dialect.of(profile);
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        runUntil(machine, call, dialect.beforeCsrssIsTold());
        EProcess notepad = LabMachine.process(machine, "notepad.exe");

        assertThat(notepad.activeThreads).isEqualTo(1);
        assertThat(notepad.peb).isNotNull();
        EThread thread = notepad.threadListHead.owners().get(0);
        assertThat(thread.tcb.suspendCount).isEqualTo(1);
        assertThat(thread.tcb.waitReason).isEqualTo(KWaitReason.Suspended);
        assertThat(notepad.handleCount).isEqualTo(1);
        assertThat(thread.handleCount).isEqualTo(1);
        assertThat(machine.kernel().csrServers.get(dialect.csrSession()).find(notepad.uniqueProcessId)).isNull();
        assertThat(creation(call.thread()).processHandle).isNotZero();

        // csrss has registered it by the time CreateProcessInternalW resumes the thread
        runUntil(machine, call, "ntdll!NtResumeThread");

        assertThat(notepad.handleCount).isEqualTo(2);
        assertThat(thread.handleCount).isEqualTo(2);
        assertThat(machine.kernel().csrServers.get(dialect.csrSession()).find(notepad.uniqueProcessId).shutdownLevel).isEqualTo(0x280);
        assertThat(machine.kernel().csrServers.get(dialect.csrSession()).sessionProcessCount)
                .isEqualTo(dialect.win32ProcessesInThatSession());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aWholeCreateProcessWVisitsEveryStageInOrder(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        int last = Dialect.of(profile).stages();
        List<Integer> stages = new ArrayList<>();
        machine.engine().setListener(e -> {
            assertThat(InvariantChecker.check(e.kernel())).isEmpty();
            if (e.stage() > 0) {
                stages.add(e.stage());
            }
        });

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        LabMachine.ok(machine, "g");

        assertThat(out).contains("returned TRUE");
        assertThat(stages).isSorted();
        assertThat(stages).containsSubsequence(java.util.stream.IntStream.rangeClosed(1, last).boxed().toList());
        assertThat(stages).doesNotContain(last + 1);
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.peb.ldr.initialized).isTrue();
        assertThat(notepad.inheritedFromUniqueProcessId).isEqualTo(LabMachine.process(machine, "explorer.exe").uniqueProcessId);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void createSuspendedLeavesTheThreadSuspendedWithAnEmptyLoaderUntilResumeThread(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED").output();
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        EThread thread = notepad.threadListHead.owners().get(0);

        assertThat(out).contains("returned TRUE").contains("hThread: 0x10");
        assertThat(thread.tcb.suspendCount).isEqualTo(1);
        assertThat(thread.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(thread.tcb.waitReason).isEqualTo(KWaitReason.Suspended);
        assertThat(thread.started).isFalse();
        assertThat(notepad.peb.ldr).isNull();

        String resumed = LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10").output();
        assertThat(notepad.peb.ldr).isNull();
        LabMachine.ok(machine, "g");

        assertThat(resumed).contains("returned 0x1");
        assertThat(thread.tcb.suspendCount).isZero();
        assertThat(notepad.peb.ldr.inLoadOrderModuleList).extracting(e -> e.baseDllName())
                .containsExactlyElementsOf(Dialect.of(profile).notepadModules());
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void suspendThreadStacksOnTheSuspendCount(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe CREATE_SUSPENDED");

        assertThat(LabMachine.ok(machine, ".call explorer.exe SuspendThread 0x10").output()).contains("returned 0x1");
        assertThat(LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10").output()).contains("returned 0x2");
        assertThat(LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0).tcb.suspendCount).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void thePriorityClassSetsTheBasePriorityAndRealtimeNeedsThePrivilege(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe IDLE_PRIORITY_CLASS");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW calc.exe 0x4000");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe REALTIME_PRIORITY_CLASS|CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call winlogon.exe CreateProcessW C:\\Tools\\launcher.exe REALTIME_PRIORITY_CLASS|CREATE_SUSPENDED");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW cmd.exe HIGH_PRIORITY_CLASS|CREATE_DEFAULT_ERROR_MODE|CREATE_SUSPENDED");

        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.pcb.basePriority).isEqualTo(4);
        assertThat(notepad.priorityClass).isEqualTo("IDLE");
        assertThat(notepad.threadListHead.owners().get(0).tcb.basePriority).isEqualTo(4);
        assertThat(LabMachine.process(machine, "calc.exe").pcb.basePriority).as("BELOW_NORMAL").isEqualTo(6);
        assertThat(LabMachine.process(machine, "worker.exe").pcb.basePriority).as("realtime without the privilege").isEqualTo(13);
        assertThat(LabMachine.process(machine, "launcher.exe").pcb.basePriority).as("realtime with the privilege").isEqualTo(24);
        assertThat(LabMachine.process(machine, "cmd.exe").pcb.basePriority).isEqualTo(13);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void anIfeoDebuggerRestartsTheCreationWithTheDebuggerImage(Profile profile) {
        Machine machine = LabMachine.boot(profile);
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
        assertThat(stages).containsSubsequence(1, 2, 3, 4, 5);
        assertThat(backFromTwoToOne(stages)).isEqualTo(Dialect.of(profile).ifeoRestarts());
        assertThat(InvariantChecker.check(machine.kernel())).isEmpty();
    }

    /** How often the stage goes from 2 straight back to 1. */
    private static int backFromTwoToOne(List<Integer> stages) {
        int restarts = 0;
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i - 1) == 2 && stages.get(i) == 1) {
                restarts++;
            }
        }
        return restarts;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aBatchFileRunsThroughCmdExeAndItsExitCodeComesBack(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\run-worker.cmd").output();
        EProcess cmd = LabMachine.process(machine, "cmd.exe");
        assertThat(cmd.peb.commandLine).isEqualTo("C:\\Windows\\System32\\cmd.exe /c C:\\Tools\\run-worker.cmd");

        LabMachine.ok(machine, "g");

        assertThat(out).contains("returned TRUE");
        assertThat(cmd.exitStatus).isEqualTo(3);
        assertThat(LabMachine.process(machine, "worker.exe")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void createProcessAFollowsTheSamePipelineAndExplorerHasTheUsersToken(Profile profile) {
        Machine machine = LabMachine.boot(profile);
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessA calc.exe").output();

        assertThat(out).contains("CreateProcessA(calc.exe) returned TRUE");
        assertThat(LabMachine.process(machine, "calc.exe").inheritedFromUniqueProcessId)
                .isEqualTo(LabMachine.process(machine, "explorer.exe").uniqueProcessId);
        // winlogon's boot already went through advapi32!CreateProcessAsUserW: explorer has the user's token
        assertThat(LabMachine.process(machine, "explorer.exe").token.user).isEqualTo("NTLAB\\student");
    }
}
