package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.inspect.InvariantChecker;
import com.ntprocesslab.kernel.ke.KThreadState;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Windows XP pipeline end to end: six phases, the classic call chain, the shared structures. */
class ClassicPipelineTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    @Test
    void aWholeCreateProcessWVisitsTheSixPhasesInOrder() {
        List<Integer> phases = new ArrayList<>();
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> {
            assertThat(InvariantChecker.check(e.kernel())).isEmpty();
            if (e.stage() > 0) {
                phases.add(e.stage());
            }
            symbols.add(e.symbol());
        });

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        LabMachine.ok(machine, "g");

        assertThat(out).contains("returned TRUE");
        assertThat(phases).isSorted().containsSubsequence(1, 2, 3, 4, 5, 6);
        assertThat(phases).doesNotContain(7);
        assertThat(symbols).containsSubsequence("nt!IoCreateFile", "nt!MmCreateSection", "kernel32!BasepIsProcessAllowed",
                "nt!NtQuerySection", "ntdll!LdrQueryImageFileExecutionOptions", "kernel32!BasepIsImageVersionOk",
                "nt!PspInheritQuota", "nt!ObInheritDeviceMap", "nt!DbgkCopyProcessDebugPort", "nt!SeSubProcessToken",
                "nt!MmCreateProcessAddressSpace", "nt!KeInitializeProcess", "nt!ObInitProcess", "nt!KeAttachProcess",
                "nt!PspMapSystemDll", "nt!MmGetSessionId", "nt!SeSetSessionIdToken", "nt!ExCreateHandle", "nt!ExSetHandleTableOwner",
                "nt!MmCreatePeb", "nt!KeAttachProcess", "nt!MmMapViewOfSection", "nt!MiCreatePebOrTeb", "nt!KeDetachProcess",
                "nt!SeCreateAccessStateEx", "nt!ObInsertObject", "nt!PspComputeQuantumAndPriority", "nt!ObGetObjectSecurity",
                "nt!PsReferencePrimaryToken", "nt!SeAccessCheck", "nt!KeQuerySystemTime", "ntdll!NtClose",
                "nt!NtQueryInformationProcess", "kernel32!BasepSxsCreateProcessCsrMessage", "kernel32!BasePushProcessParameters", "kernel32!BaseCreateStack", "kernel32!BaseInitializeContext",
                "nt!MmCreateTeb", "nt!KeInitThread", "nt!MmCreateKernelStack", "nt!KiInitializeContextThread", "nt!KeStartThread",
                "nt!PspCallProcessNotifyRoutines", "nt!KeSuspendThread", "nt!SeCreateAccessStateEx", "nt!ObInsertObject",
                "nt!KeQuerySystemTime", "nt!ObGetObjectSecurity", "nt!PsReferencePrimaryToken", "nt!SeAccessCheck", "nt!KeReadyThread",
                "CSRSRV!CsrCreateProcess", "nt!KeResumeThread", "nt!PspUserThreadStartup", "nt!KiDeliverApc",
                "ntdll!LdrInitializeThunk", "ntdll!NtContinue", "kernel32!BaseProcessStart");
        assertThat(symbols).doesNotContain("nt!NtCreateUserProcess", "nt!PspAllocateProcess", "nt!KiStartUserThread",
                "ntdll!RtlUserThreadStart");
        // no class asked for, no CREATE_DEFAULT_ERROR_MODE, not detached: XP's kernel32 sets none of them (seed 004)
        assertThat(symbols).doesNotContain("nt!NtSetInformationProcess");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.peb.ldr.initialized).isTrue();
        assertThat(notepad.inheritedFromUniqueProcessId).isEqualTo(LabMachine.process(machine, "explorer.exe").uniqueProcessId);
    }

    @Test
    void theCallerEndsWithXpAccessMasksAndTheImageHandlesClosed() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");

        // the section handle (0xc) was closed right after the process existed, so the thread's handle reuses it
        assertThat(out).contains("hProcess: 0xc  hThread: 0x10");
        HandleEntry process = explorer.objectTable.lookup(0xc);
        HandleEntry thread = explorer.objectTable.lookup(0x10);
        assertThat(process.object()).isSameAs(notepad);
        assertThat(process.grantedAccess()).isEqualTo(0x1F0FFF);
        assertThat(thread.grantedAccess()).isEqualTo(0x1F03FF);
        // the file handle (0x8 first) and the section handle (0xc) were closed: the process holds the section
        assertThat(explorer.objectTable.lookup(0x14)).isNull();
        assertThat(thread.object()).isSameAs(notepad.threadListHead.owners().get(0));
        assertThat(notepad.sectionObject.handleCount).isZero();
        assertThat(notepad.sectionObject.pointerCount).isEqualTo(1);
        assertThat(notepad.handleCount).isEqualTo(2);
        assertThat(notepad.quotaBlock).isEqualTo(explorer.quotaBlock).isEqualTo("PspDefaultQuotaBlock");
        assertThat(notepad.deviceMap).isEqualTo("ObSystemDeviceMap");
    }

    @Test
    void createSuspendedLeavesTheThreadSuspendedWithAnEmptyLoaderUntilResumeThread() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        LabMachine.ok(machine, "g");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        EThread thread = notepad.threadListHead.owners().get(0);

        assertThat(thread.tcb.suspendCount).isEqualTo(1);
        assertThat(thread.tcb.state).isEqualTo(KThreadState.Waiting);
        assertThat(thread.tcb.waitReason).isEqualTo(KWaitReason.Suspended);
        assertThat(thread.started).isFalse();
        assertThat(notepad.peb.ldr).isNull();

        assertThat(LabMachine.ok(machine, ".call explorer.exe ResumeThread 0x10").output()).contains("returned 0x1");
        LabMachine.ok(machine, "g");

        assertThat(notepad.peb.ldr.inLoadOrderModuleList).extracting(e -> e.baseDllName())
                // XP has no KernelBase.dll: kernel32 imports ntdll only; notepad also imports advapi32
                .containsExactly("notepad.exe", "ntdll.dll", "kernel32.dll", "advapi32.dll", "user32.dll");
    }

    @Test
    void thePriorityClassIsSetAfterCreationByNtSetInformationProcess() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW notepad.exe IDLE_PRIORITY_CLASS");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW calc.exe HIGH_PRIORITY_CLASS|CREATE_DEFAULT_ERROR_MODE");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe REALTIME_PRIORITY_CLASS|CREATE_SUSPENDED");

        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.pcb.basePriority).isEqualTo(4);
        assertThat(notepad.priorityClass).isEqualTo("IDLE");
        assertThat(notepad.threadListHead.owners().get(0).tcb.basePriority).isEqualTo(4);
        assertThat(LabMachine.process(machine, "calc.exe").pcb.basePriority).isEqualTo(13);
        assertThat(LabMachine.process(machine, "worker.exe").pcb.basePriority).isEqualTo(13);
    }

    @Test
    void anIfeoDebuggerRestartsPhaseOneWithTheDebuggerImage() {
        LabMachine.ok(machine, ".reg add \"HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\notepad.exe\" Debugger C:\\Windows\\System32\\calc.exe");
        List<Integer> phases = new ArrayList<>();
        machine.engine().setListener(e -> {
            if (e.stage() > 0 && e.thread().process.imageFileName.equals("explorer.exe")) {
                phases.add(e.stage());
            }
        });

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();

        assertThat(out).contains("returned TRUE");
        assertThat(LabMachine.process(machine, "notepad.exe")).isNull();
        EProcess calc = LabMachine.process(machine, "calc.exe");
        assertThat(calc.peb.commandLine).isEqualTo("C:\\Windows\\System32\\calc.exe C:\\Windows\\System32\\notepad.exe");
        // the redirect happens in phase 1, before any process object: phase 2 is entered once
        assertThat(phases).containsSubsequence(1, 2, 3, 4, 5).doesNotContainSequence(2, 1);
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
    void createProcessAAndAsUserFollowTheSamePipeline() {
        assertThat(LabMachine.ok(machine, ".call explorer.exe CreateProcessA calc.exe").output()).contains("returned TRUE");
        assertThat(LabMachine.process(machine, "calc.exe").inheritedFromUniqueProcessId)
                .isEqualTo(LabMachine.process(machine, "explorer.exe").uniqueProcessId);
        // winlogon's boot already went through advapi32!CreateProcessAsUserW: explorer has the user's token
        assertThat(LabMachine.process(machine, "explorer.exe").token.user).isEqualTo("NTLAB\\student");
    }

    @Test
    void terminationIsSharedAChildExitsWithItsCodeAndLingersWhileHandlesRemain() {
        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe").output();
        LabMachine.ok(machine, "g");
        EProcess worker = LabMachine.process(machine, "worker.exe");

        assertThat(out).contains("returned TRUE");
        assertThat(worker.exited).isTrue();
        assertThat(worker.exitStatus).isEqualTo(3);
        assertThat(LabMachine.ok(machine, ".call explorer.exe GetExitCodeProcess 0xc").output()).contains("ExitCode: 0x3");

        LabMachine.ok(machine, ".call explorer.exe CloseHandle 0x10");
        LabMachine.ok(machine, ".call explorer.exe CloseHandle 0xc");

        assertThat(LabMachine.process(machine, "worker.exe")).isNull();
        assertThat(worker.deleted).isTrue();
    }

    @Test
    void aCrashEndsTheProcessWithTheExceptionCodeThroughXpsFilter() {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));

        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\crasher.exe");
        LabMachine.ok(machine, "g");

        assertThat(LabMachine.process(machine, "crasher.exe").exitStatus).isEqualTo(0xC0000005L);
        assertThat(symbols).contains("kernel32!UnhandledExceptionFilter").doesNotContain("KERNELBASE!UnhandledExceptionFilter");
    }

    @Test
    void kAtPspCreateProcessShowsTheClassicChainUpToKernel32() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> "nt!PspCreateProcess".equals(at.symbol()));

        assertThat(stop.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(symbolsOf(machine.engine().stackTrace(call.thread()))).startsWith("nt!PspCreateProcess", "nt!NtCreateProcessEx",
                "nt!KiFastCallEntry", "ntdll!NtCreateProcessEx", "kernel32!CreateProcessInternalW", "kernel32!CreateProcessW");
    }

    @Test
    void kAtPspCreateThreadShowsTheClassicChainUpToKernel32() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        LabMachine.runCall(machine, call, at -> "nt!PspCreateThread".equals(at.symbol()));

        assertThat(symbolsOf(machine.engine().stackTrace(call.thread()))).startsWith("nt!PspCreateThread", "nt!NtCreateThread",
                "nt!KiFastCallEntry", "ntdll!NtCreateThread", "kernel32!CreateProcessInternalW", "kernel32!CreateProcessW");
    }

    @Test
    void theNewThreadRunsTheLoaderInsideTheApcDispatcherThenBaseProcessStart() {
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        Engine.RunResult ldr = machine.engine().runScheduler(10_000, at -> "ntdll!LdrpCallInitRoutine".equals(at.symbol()));
        EThread thread = (EThread) ldr.stoppedAt().thread();
        assertThat(thread.process.imageFileName).isEqualTo("notepad.exe");
        assertThat(ldr.stoppedAt().stage()).isEqualTo(6);
        assertThat(symbolsOf(machine.engine().stackTrace(thread))).containsExactly("ntdll!LdrpCallInitRoutine",
                "ntdll!LdrpInitializeProcess", "ntdll!LdrpInitialize", "ntdll!LdrInitializeThunk", "ntdll!KiUserApcDispatcher");

        Engine.RunResult start = machine.engine().runScheduler(10_000, at -> "kernel32!WaitForSingleObject".equals(at.symbol()));
        assertThat(start.stoppedAt().thread()).isSameAs(thread);
        assertThat(symbolsOf(machine.engine().stackTrace(thread))).containsExactly("kernel32!WaitForSingleObject",
                "notepad!wWinMainCRTStartup", "kernel32!BaseProcessStart", "kernel32!BaseProcessStartThunk");
    }

    @Test
    void theSameCallsTwiceGiveByteIdenticalSnapshots() {
        Machine other = Machine.boot(Profile.CLASSIC);
        for (Machine m : List.of(machine, other)) {
            LabMachine.ok(m, ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe");
            LabMachine.ok(m, "g");
            LabMachine.ok(m, ".call explorer.exe CreateProcessW notepad.exe CREATE_SUSPENDED");
        }

        assertThat(other.snapshotJson()).isEqualTo(machine.snapshotJson());
        assertThat(machine.snapshotJson()).isNotEqualTo(Machine.boot(Profile.MODERN).snapshotJson());
    }

    @Test
    void processDumpOfAClassicBootListsTheDefaultMachine() {
        String dump = LabMachine.ok(machine, "!process 0 0").output();

        assertThat(dump).contains("Cid: 0004").contains("Image: System").contains("Image: smss.exe").contains("Image: csrss.exe")
                .contains("Image: winlogon.exe").contains("Image: explorer.exe");
        assertThat(machine.profile()).isEqualTo(Profile.CLASSIC);
    }

    @Test
    void theClassicMachineHasTheSymbolsOfThatEraOnly() {
        assertThat(Symbols.match("nt!*CreateProcess*", Profile.CLASSIC))
                .contains("nt!NtCreateProcessEx", "nt!PspCreateProcess").doesNotContain("nt!NtCreateUserProcess");
        assertThat(Symbols.match("KERNELBASE!*", Profile.CLASSIC)).isEmpty();
        assertThat(Symbols.match("kernel32!Create*", Profile.CLASSIC)).contains("kernel32!CreateProcessW", "kernel32!CreateProcessInternalW");
        // Windows 10 has both: PspCreateProcess (NtCreateProcessEx's) and PspAllocateProcess, which it shares with NtCreateUserProcess
        assertThat(Symbols.match("nt!Psp*", Profile.MODERN)).contains("nt!PspAllocateProcess", "nt!PspCreateProcess");
        assertThat(Symbols.match("nt!Ps*", Profile.CLASSIC)).doesNotContain("nt!PspAllocateProcess", "nt!PsCreateMinimalProcess");

        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        Engine.RunResult run = LabMachine.runCall(machine, call, at -> "nt!PspCreateThread".equals(at.symbol()));
        // the stack is only worth reading once the call really stands at PspCreateThread
        assertThat(run.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(run.stoppedAt().symbol()).isEqualTo("nt!PspCreateThread");
        List<String> stack = machine.engine().stackTrace(call.thread());
        assertThat(symbolsOf(stack)).contains("kernel32!CreateProcessInternalW", "nt!NtCreateThread");
        assertThat(stack).noneMatch(line -> line.startsWith("KERNELBASE!"));
    }

    /** "module!Function+0x1c" -> "module!Function". */
    static List<String> symbolsOf(List<String> stack) {
        return stack.stream().map(line -> line.contains("+0x") ? line.substring(0, line.indexOf("+0x")) : line).toList();
    }
}
