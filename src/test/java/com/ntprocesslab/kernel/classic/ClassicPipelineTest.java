package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Engine;
import com.ntprocesslab.kernel.machine.PendingCall;
import com.ntprocesslab.kernel.machine.Symbols;
import com.ntprocesslab.kernel.ob.HandleEntry;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Windows XP pipeline end to end: the classic call chain and the structures only XP has. What both
 * kernels do alike (phases in order, CREATE_SUSPENDED, priority classes, IFEO, batch files, CreateProcessA)
 * is checked on both profiles in win32.CreateProcessPipelineTest.
 */
class ClassicPipelineTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    /** The six phases in order, with the same checks on both profiles, are in win32.CreateProcessPipelineTest. */
    @Test
    void aWholeCreateProcessWFollowsTheXpCallChain() {
        List<String> symbols = new ArrayList<>();
        machine.engine().setListener(e -> symbols.add(e.symbol()));

        String out = LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe").output();
        LabMachine.ok(machine, "g");

        assertThat(out).contains("returned TRUE");
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

    /** The stub enters the kernel through ntdll!KiFastSystemCall, whose frame k names by its return, KiFastSystemCallRet. */
    @Test
    void kAtPspCreateProcessShowsTheClassicChainUpToKernel32() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        Engine.RunResult stop = LabMachine.runCall(machine, call, at -> "nt!PspCreateProcess".equals(at.symbol()));

        assertThat(stop.reason()).isEqualTo(Engine.Reason.BREAKPOINT);
        assertThat(symbolsOf(machine.engine().stackTrace(call.thread()))).startsWith("nt!PspCreateProcess", "nt!NtCreateProcessEx",
                "nt!KiFastCallEntry", "ntdll!KiFastSystemCallRet", "ntdll!NtCreateProcessEx", "kernel32!CreateProcessInternalW", "kernel32!CreateProcessW");
    }

    @Test
    void kAtPspCreateThreadShowsTheClassicChainUpToKernel32() {
        PendingCall call = LabMachine.begin(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");

        LabMachine.runCall(machine, call, at -> "nt!PspCreateThread".equals(at.symbol()));

        assertThat(symbolsOf(machine.engine().stackTrace(call.thread()))).startsWith("nt!PspCreateThread", "nt!NtCreateThread",
                "nt!KiFastCallEntry", "ntdll!KiFastSystemCallRet", "ntdll!NtCreateThread", "kernel32!CreateProcessInternalW", "kernel32!CreateProcessW");
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

        Engine.RunResult start = machine.engine().runScheduler(10_000, at -> "kernel32!WaitForSingleObjectEx".equals(at.symbol()));
        assertThat(start.stoppedAt().thread()).isSameAs(thread);
        assertThat(symbolsOf(machine.engine().stackTrace(thread))).containsExactly("kernel32!WaitForSingleObjectEx",
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
