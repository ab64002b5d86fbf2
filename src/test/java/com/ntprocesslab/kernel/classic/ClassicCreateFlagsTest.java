package com.ntprocesslab.kernel.classic;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.LabMachine;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ob.ObjectType;
import com.ntprocesslab.kernel.ps.EProcess;
import com.ntprocesslab.kernel.ps.EThread;
import com.ntprocesslab.kernel.ps.UserApcs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One scenario per flag rule of XP's CreateProcessInternalW (seed 004's order, seed 003's
 * checks): which NtSetInformationProcess calls happen and what the child ends with.
 */
class ClassicCreateFlagsTest {
    private final Machine machine = LabMachine.boot(Profile.CLASSIC);
    private final List<String> symbols = new ArrayList<>();

    private String create(String caller, String commandLineAndFlags) {
        symbols.clear();
        machine.engine().setListener(e -> symbols.add(e.symbol()));
        String out = LabMachine.ok(machine, ".call " + caller + " CreateProcessW " + commandLineAndFlags).output();
        machine.engine().setListener(null);
        return out;
    }

    /**
     * The debugger's loop (explorer: WaitForDebugEvent, ContinueDebugEvent) until the debuggee's
     * thread stops reporting events and idles in its alertable wait, where a .call's user APC runs.
     */
    private void debugUntilIdle(EProcess debuggee) {
        EThread thread = debuggee.threadListHead.owners().get(0);
        for (int i = 0; i < 40 && UserApcs.whyNotDeliverable(thread) != null; i++) {
            String event = LabMachine.ok(machine, ".call explorer.exe WaitForDebugEvent 0").output();
            if (event.contains("returned TRUE")) {
                LabMachine.ok(machine, String.format(".call explorer.exe ContinueDebugEvent 0x%x 0x%x", debuggee.uniqueProcessId, thread.uniqueThread));
            }
            LabMachine.ok(machine, "g");
        }
        assertThat(UserApcs.whyNotDeliverable(thread)).isNull();
    }

    /** The system calls into nt!NtSetInformationProcess (the listener sees a symbol once per step standing on it). */
    private long setInformationCalls() {
        long calls = 0;
        for (int i = 0; i < symbols.size(); i++) {
            if ("nt!NtSetInformationProcess".equals(symbols.get(i)) && (i == 0 || !"nt!NtSetInformationProcess".equals(symbols.get(i - 1)))) {
                calls++;
            }
        }
        return calls;
    }

    @Test
    void withoutAClassTheChildOfAnIdleParentStaysIdle() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe IDLE_PRIORITY_CLASS");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.priorityClass).isEqualTo("IDLE");
        assertThat(setInformationCalls()).isEqualTo(1);
        LabMachine.ok(machine, "g");

        // notepad (IDLE) starts calc with no class: only the kernel's choice (inherit IDLE) applies
        create(Long.toHexString(notepad.uniqueProcessId), "C:\\Windows\\System32\\calc.exe");
        EProcess calc = LabMachine.process(machine, "calc.exe");
        assertThat(setInformationCalls()).isZero();
        assertThat(calc.priorityClass).isEqualTo("IDLE");
        assertThat(calc.pcb.basePriority).isEqualTo(4); // PspComputeQuantumAndPriority from the inherited IDLE class
    }

    @Test
    void aClassAskedForIsSetByNtSetInformationProcess() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe HIGH_PRIORITY_CLASS");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(symbols).containsSubsequence("nt!ObInsertObject", "nt!NtSetInformationProcess", "nt!KeSetPriorityAndQuantumProcess",
                "ntdll!NtClose", "nt!NtQueryInformationProcess");
        assertThat(notepad.priorityClass).isEqualTo("HIGH");
        assertThat(notepad.pcb.basePriority).isEqualTo(13);
    }

    @Test
    void theHardErrorModeIsSetOnlyForCreateDefaultErrorMode() {
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        explorer.defaultHardErrorProcessing = 0; // as after SetErrorMode(SEM_FAILCRITICALERRORS) in explorer
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe");
        assertThat(setInformationCalls()).isZero();
        assertThat(LabMachine.process(machine, "notepad.exe").defaultHardErrorProcessing).isZero(); // inherited

        create("explorer.exe", "C:\\Windows\\System32\\calc.exe CREATE_DEFAULT_ERROR_MODE");
        assertThat(setInformationCalls()).isEqualTo(1);
        assertThat(LabMachine.process(machine, "calc.exe").defaultHardErrorProcessing).isEqualTo(1);
    }

    @Test
    void aDetachedProcessGetsTheNormalBasePriorityAfterItsClass() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe IDLE_PRIORITY_CLASS|DETACHED_PROCESS");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(symbols).containsSubsequence("nt!KeSetPriorityAndQuantumProcess", "ntdll!NtClose", "nt!KeSetPriorityProcess",
                "nt!NtQueryInformationProcess");
        assertThat(notepad.priorityClass).isEqualTo("IDLE");
        assertThat(notepad.pcb.basePriority).isEqualTo(8);
        assertThat(notepad.threadListHead.owners().get(0).tcb.basePriority).isEqualTo(8);
    }

    @Test
    void separateAndSharedWowTogetherAre0x57BeforeAnythingIsOpened() {
        Object before = LabMachine.timeless(machine);
        String out = create("explorer.exe", "C:\\Windows\\System32\\notepad.exe CREATE_SEPARATE_WOW_VDM|CREATE_SHARED_WOW_VDM");
        assertThat(out).contains("returned FALSE", "LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        // the test comes after the priority class (seed 003: and ..., 3E1Fh, then test 800h / test 1000h)
        assertThat(symbols).contains("kernel32!CreateProcessInternalW")
                .doesNotContain("kernel32!BasepIsRealtimeAllowed", "ntdll!RtlDosPathNameToNtPathName_U", "nt!IoCreateFile");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        // either one alone is accepted (no 16-bit image here, so it changes nothing)
        assertThat(create("explorer.exe", "C:\\Windows\\System32\\notepad.exe CREATE_SEPARATE_WOW_VDM")).contains("returned TRUE");
    }

    @Test
    void aDllIsRefusedAfterNtQuerySectionNotByTheSection() {
        Object before = LabMachine.timeless(machine);
        String out = create("explorer.exe", "C:\\Windows\\System32\\user32.dll");
        assertThat(out).contains("returned FALSE", "LastError: 0xc1 (ERROR_BAD_EXE_FORMAT)");
        // the section was created (a DLL is a valid image section) and queried, then closed
        assertThat(symbols).containsSubsequence("nt!MmCreateSection", "nt!NtQuerySection", "ntdll!NtClose")
                .doesNotContain("ntdll!LdrQueryImageFileExecutionOptions", "nt!PspCreateProcess");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
    }

    @Test
    void kernel32LoadsAdvapi32IntoACallerThatHadNotLoadedIt() {
        // launcher.exe imports kernel32 only; its own CreateProcessW (of worker.exe) loads advapi32 (seed 003)
        LabMachine.ok(machine, "bu kernel32!BaseFormatObjectAttributes");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Tools\\launcher.exe");
        LabMachine.ok(machine, "g");
        // the first stop on launcher's own thread (explorer's CreateProcessW formats its attributes too)
        for (int stops = 0; !LabMachine.currentThread(machine).endsWith(" of launcher.exe"); stops++) {
            assertThat(stops).as("stops before one on launcher.exe's thread").isLessThan(20);
            LabMachine.ok(machine, "g");
        }
        EProcess launcher = LabMachine.process(machine, "launcher.exe");
        assertThat(launcher.peb.ldr.inLoadOrderModuleList).extracting(e -> e.baseDllName()).containsExactly(
                "launcher.exe", "ntdll.dll", "kernel32.dll", "advapi32.dll");
        assertThat(launcher.addressSpace.vadRoot.values()).extracting(v -> v.mapped()).contains("C:\\Windows\\System32\\advapi32.dll");
        assertThat(LabMachine.process(machine, "worker.exe")).isNull();
    }

    @Test
    void debugProcessHandsTheCallersDebugObjectToTheKernelAndItsChildrenInheritIt() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe DEBUG_PROCESS");
        EProcess explorer = LabMachine.process(machine, "explorer.exe");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        long debugHandle = explorer.threadListHead.owners().get(0).teb.debugObjectHandle;
        assertThat(symbols).containsSubsequence("ntdll!DbgUiConnectToDbg", "ntdll!DbgUiGetThreadDebugObject", "nt!NtCreateProcessEx",
                "nt!ObReferenceObjectByHandle");
        assertThat(debugHandle).isNotZero();
        assertThat(notepad.debugPort).isSameAs(explorer.objectTable.lookup(debugHandle).object());
        assertThat(notepad.debugPort.type).isEqualTo(ObjectType.DebugObject);
        assertThat(notepad.peb.beingDebugged).isTrue();
        assertThat(LabMachine.ok(machine, "dt nt!_EPROCESS " + Long.toHexString(notepad.address)).output())
                .contains("DebugPort        : 0x" + Long.toHexString(notepad.debugPort.address));
        LabMachine.ok(machine, "g");
        debugUntilIdle(notepad);

        // notepad's own child, created without a debug flag, gets the same port (DbgkCopyProcessDebugPort)
        create(Long.toHexString(notepad.uniqueProcessId), "C:\\Windows\\System32\\calc.exe");
        assertThat(symbols).contains("nt!DbgkCopyProcessDebugPort");
        assertThat(LabMachine.process(machine, "calc.exe").debugPort).isSameAs(notepad.debugPort);
        assertThat(machine.checkInvariants()).isEmpty();
    }

    @Test
    void debugOnlyThisProcessKeepsTheDebuggerFromTheGrandchildren() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe DEBUG_ONLY_THIS_PROCESS");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.debugPort).isNotNull();
        assertThat(notepad.noDebugInherit).isTrue();
        LabMachine.ok(machine, "g");
        debugUntilIdle(notepad);
        create(Long.toHexString(notepad.uniqueProcessId), "C:\\Windows\\System32\\calc.exe");
        assertThat(LabMachine.process(machine, "calc.exe").debugPort).isNull();
        assertThat(LabMachine.process(machine, "calc.exe").peb.beingDebugged).isFalse();
    }

    @Test
    void aProcessTerminatedBeforeItsFirstThreadGetsNoThread() {
        LabMachine.ok(machine, "bu ntdll!NtCreateThread");
        LabMachine.ok(machine, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        // winlogon (SYSTEM) opens the half-built process by its ID and terminates it
        String open = LabMachine.ok(machine, ".call winlogon.exe OpenProcess 0x1F0FFF 0x" + Long.toHexString(notepad.uniqueProcessId)).output();
        assertThat(open).contains("returned 0x");
        long handle = Long.decode(open.substring(open.indexOf("returned ") + 9).split("\\s")[0]);
        LabMachine.ok(machine, ".call winlogon.exe TerminateProcess 0x" + Long.toHexString(handle) + " 1");
        LabMachine.ok(machine, "bc *");
        String out = LabMachine.ok(machine, "g").output();

        // STATUS_PROCESS_IS_TERMINATING, which BaseSetLastNTError turns into ERROR_ACCESS_DENIED
        assertThat(out).contains("returned FALSE", "(ERROR_ACCESS_DENIED)");
        assertThat(notepad.threadListHead.isEmpty()).isTrue();
        assertThat(machine.checkInvariants()).isEmpty();
    }

    // seed 004 lines 100-105 (Windows 2000's kernel32 CreateProcessW) and seed 003's SP3 code (and ecx, 18h / cmp cl, 18h):
    // a console of its own and no console at all is 0x57, before the image is even looked up
    @Test
    void detachedWithANewConsoleIs0x57AndChangesNothing() {
        Object before = LabMachine.timeless(machine);
        String out = create("explorer.exe", "C:\\Windows\\System32\\notepad.exe DETACHED_PROCESS|CREATE_NEW_CONSOLE");
        assertThat(out).contains("returned FALSE", "LastError: 0x57 (ERROR_INVALID_PARAMETER)");
        assertThat(symbols).doesNotContain("ntdll!RtlDosPathNameToNtPathName_U", "nt!NtOpenFile", "nt!PspCreateProcess");
        assertThat(LabMachine.timeless(machine)).isEqualTo(before);
        // each alone is a valid request
        assertThat(create("explorer.exe", "C:\\Windows\\System32\\notepad.exe CREATE_NEW_CONSOLE")).contains("returned TRUE");
    }

    // seed 004 lines 110-139, seed 003 (test al, 40h; test ah, 40h; test al, 20h; ...): the lowest class asked for wins
    @Test
    void theLowestPriorityClassAskedForWins() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe HIGH_PRIORITY_CLASS|IDLE_PRIORITY_CLASS");
        assertThat(LabMachine.process(machine, "notepad.exe").priorityClass).isEqualTo("IDLE");
        assertThat(LabMachine.process(machine, "notepad.exe").pcb.basePriority).isEqualTo(4);
        LabMachine.ok(machine, "g");
        create("explorer.exe", "C:\\Windows\\System32\\calc.exe ABOVE_NORMAL_PRIORITY_CLASS|BELOW_NORMAL_PRIORITY_CLASS|REALTIME_PRIORITY_CLASS");
        assertThat(LabMachine.process(machine, "calc.exe").priorityClass).isEqualTo("BELOW_NORMAL");
        // BasepIsRealtimeAllowed runs only when REALTIME is the class chosen
        assertThat(symbols).doesNotContain("kernel32!BasepIsRealtimeAllowed");
    }

    // seed 004 lines 129-135: REALTIME only when BasepIsRealtimeAllowed can take SeIncreaseBasePriorityPrivilege, else HIGH
    @Test
    void realtimeNeedsTheIncreaseBasePriorityPrivilegeElseItIsHigh() {
        create("explorer.exe", "C:\\Windows\\System32\\notepad.exe REALTIME_PRIORITY_CLASS");
        assertThat(symbols).contains("kernel32!BasepIsRealtimeAllowed");
        assertThat(LabMachine.process(machine, "notepad.exe").priorityClass).isEqualTo("HIGH");
        LabMachine.ok(machine, "g");
        // winlogon runs as SYSTEM, whose token holds the privilege
        create("winlogon.exe", "C:\\Windows\\System32\\calc.exe REALTIME_PRIORITY_CLASS");
        assertThat(LabMachine.process(machine, "calc.exe").priorityClass).isEqualTo("REALTIME");
        assertThat(LabMachine.process(machine, "calc.exe").pcb.basePriority).isEqualTo(24);
    }

    // seed 003: CREATE_NO_WINDOW is masked off (and eax, 0F7FFFFFFh) and the class bits (and ..., 3E1Fh); no other bit is
    // tested, so bits XP does not define (0x00200000) and CREATE_WITH_USERPROFILE (0x02000000, which seed 004's
    // Windows 2000 code refuses but SP3's code passes by) change nothing
    @Test
    void undefinedBitsAndCreateNoWindowAreIgnored() {
        String out = create("explorer.exe", "C:\\Windows\\System32\\notepad.exe 0x02200000|CREATE_NO_WINDOW");
        assertThat(out).contains("returned TRUE");
        EProcess notepad = LabMachine.process(machine, "notepad.exe");
        assertThat(notepad.priorityClass).isEqualTo("NORMAL");
        assertThat(setInformationCalls()).isZero();
        assertThat(machine.checkInvariants()).isEmpty();
    }
}
