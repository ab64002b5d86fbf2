package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.exec.Frame;
import com.ntprocesslab.kernel.ke.KThread;
import com.ntprocesslab.kernel.ke.KWaitReason;
import com.ntprocesslab.kernel.mm.Vad;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Phases 5 and 6 of the XP machine and its kernel threads (seeds 002-004, WRK ps/create.c,
 * ke/i386/threadbg.asm): the IRQL a new thread starts at and drops from, the System
 * process's threads made by PsCreateSystemThread, the process heap LdrpInitializeProcess
 * creates, NtContinue through the kernel and BaseProcessStart's NtSetInformationThread.
 */
class ClassicThreadStartupTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);

    private void runToBreakpointAfterCreatingNotepad(String... symbols) {
        for (String symbol : symbols) {
            LabMachine.ok(machine, "bp " + symbol);
        }
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
    }

    private String go(String expectedSymbol) {
        String out = LabMachine.ok(machine, "g").output();
        assertThat(out).as("g stops at " + expectedSymbol).contains(expectedSymbol + ":");
        return out;
    }

    private EThread notepadThread() {
        return LabMachine.process(machine, "notepad.exe").threadListHead.owners().get(0);
    }

    private List<String> stack(EThread t) {
        List<String> symbols = new ArrayList<>();
        for (Frame f : t.frames) {
            symbols.add(f.routine.symbol());
        }
        return symbols;
    }

    @Test
    void kiThreadStartupStartsAtDispatchLevelAndPspUserThreadStartupRunsAtApcLevel() {
        runToBreakpointAfterCreatingNotepad("nt!KiThreadStartup", "nt!PspUserThreadStartup", "ntdll!KiUserApcDispatcher");

        go("nt!KiThreadStartup");
        assertThat(LabMachine.currentThread(machine)).endsWith("of notepad.exe");
        assertThat(LabMachine.ok(machine, "!irql").output()).isEqualTo("Debugger saved IRQL for processor 0x0 -- 2 (DISPATCH_LEVEL)");

        go("nt!PspUserThreadStartup");
        assertThat(LabMachine.ok(machine, "!irql").output()).isEqualTo("Debugger saved IRQL for processor 0x0 -- 1 (APC_LEVEL)");

        go("ntdll!KiUserApcDispatcher");
        assertThat(notepadThread().tcb.irql).isEqualTo(KThread.PASSIVE_LEVEL);
        assertThat(LabMachine.ok(machine, "!irql").output()).isEqualTo("Debugger saved IRQL for processor 0x0 -- 0 (LOW_LEVEL)");
    }

    @Test
    void theSystemProcessHasKernelThreadsMadeByPsCreateSystemThread() {
        EProcess system = LabMachine.process(machine, "System");
        List<EThread> threads = system.threadListHead.owners();
        List<String> starts = new ArrayList<>();
        for (EThread t : threads) {
            assertThat(t.systemThread).isTrue();
            assertThat(t.teb).isNull();
            assertThat(t.trapFrame).as("no user context, no KTRAP_FRAME").isZero();
            assertThat(t.kernelStackBase).isBetween(0xf7000000L, 0xf7c00000L);
            List<String> stack = stack(t);
            assertThat(stack.subList(0, 2)).containsExactly("nt!KiThreadStartup", "nt!PspSystemThreadStartup");
            assertThat(t.frames).allMatch(f -> f.routine.kernelMode());
            assertThat(t.tcb.irql).isEqualTo(KThread.PASSIVE_LEVEL);
            starts.add(stack.get(2));
        }
        assertThat(starts).containsExactly("nt!Phase1Initialization", "nt!ExpWorkerThread", "nt!ExpWorkerThread",
                "nt!KeBalanceSetManager", "nt!KeSwapProcessOrStack");
        assertThat(threads.get(0).frames.get(threads.get(0).frames.size() - 1).routine.symbol()).isEqualTo("nt!MmZeroPageThread");
        assertThat(threads.get(0).tcb.waitReason).isEqualTo(KWaitReason.WrFreePage);
        assertThat(threads.get(1).tcb.waitReason).isEqualTo(KWaitReason.WrQueue);
        assertThat(threads.get(1).tcb.basePriority).isEqualTo(13);
        assertThat(threads.get(2).tcb.basePriority).isEqualTo(12);
        assertThat(threads.get(4).tcb.priority).isEqualTo(23);
        // the creators closed their handles: System holds none of its own threads
        assertThat(system.objectTable.handles()).noneMatch(h -> system.objectTable.lookup(h).object() instanceof EThread thread
                && thread.process == system);
        String process = LabMachine.ok(machine, "!process 4 7").output();
        assertThat(process).contains("nt!PspSystemThreadStartup", "nt!ExpWorkerThread", "WAIT: (WrQueue) KernelMode");
        assertThat(process).doesNotContain("ntdll!", "kernel32!");
    }

    @Test
    void ldrpInitializeProcessCreatesTheProcessHeapFirst() {
        runToBreakpointAfterCreatingNotepad("ntdll!RtlCreateHeap", "ntdll!LdrpMapDll");
        go("ntdll!RtlCreateHeap");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(stack(notepadThread())).containsSubsequence("ntdll!KiUserApcDispatcher", "ntdll!LdrInitializeThunk",
                "ntdll!LdrpInitialize", "ntdll!LdrpInitializeProcess");
        assertThat(notepad.peb.processHeap).isZero();
        assertThat(notepad.peb.numberOfHeaps).isZero();
        // MmCreatePeb's part: the list after the 0x210-byte PEB, as long as the page allows
        assertThat(notepad.peb.processHeaps).isEqualTo(0x7ffdf210L);
        assertThat(notepad.peb.maximumNumberOfHeaps).isEqualTo(0x37c);

        go("ntdll!LdrpMapDll");
        long heap = notepad.peb.processHeap;
        assertThat(heap).isNotZero();
        assertThat(notepad.peb.numberOfHeaps).isEqualTo(1);
        Vad vad = notepad.addressSpace.vadRoot.values().stream().filter(v -> v.start() == heap).findFirst().orElseThrow();
        assertThat(vad.mapped()).isEqualTo("Heap");
        assertThat(vad.end() - vad.start()).isBetween(0xfffffL, 0x100000L);
        assertThat(LabMachine.ok(machine, "!peb").output()).contains(String.format("ProcessHeap:       %08x", heap));
        String dt = LabMachine.ok(machine, "dt nt!_PEB 7ffdf000").output();
        assertThat(dt).contains(String.format("+0x018 ProcessHeap      : 0x%08x Void", heap),
                "+0x088 NumberOfHeaps    : 1", "+0x08c MaximumNumberOfHeaps : 0x37c",
                "+0x090 ProcessHeaps     : 0x7ffdf210");
    }

    @Test
    void ntContinueEntersTheKernelAndBaseProcessStartSetsTheWin32StartAddressBeforeTheEntryPoint() {
        runToBreakpointAfterCreatingNotepad("nt!KiServiceExit", "nt!NtSetInformationThread");
        go("nt!KiServiceExit");
        // XP SP3's stub enters the kernel through ntdll!KiFastSystemCall (mov edx, esp; sysenter)
        assertThat(stack(notepadThread())).containsExactly("ntdll!KiUserApcDispatcher", "ntdll!NtContinue",
                "ntdll!KiFastSystemCall", "nt!KiFastCallEntry", "nt!NtContinue");
        assertThat(LabMachine.ok(machine, "k").output()).contains("nt!KiServiceExit", "nt!NtContinue+0x", "nt!KiFastCallEntry+0x");

        go("nt!NtSetInformationThread");
        EThread t = notepadThread();
        // the service's own frame comes with its first step; the entry point is not called yet
        assertThat(stack(t)).containsExactly("kernel32!BaseProcessStartThunk", "kernel32!BaseProcessStart",
                "ntdll!NtSetInformationThread", "ntdll!KiFastSystemCall", "nt!KiFastCallEntry");
        assertThat(LabMachine.ok(machine, "k").output()).doesNotContain("notepad!");
        long entry = LabMachine.process(machine, "notepad.exe").sectionBaseAddress
                + LabMachine.process(machine, "notepad.exe").sectionObject.image.addressOfEntryPoint();
        assertThat(t.win32StartAddress).isEqualTo(entry);
    }
}
