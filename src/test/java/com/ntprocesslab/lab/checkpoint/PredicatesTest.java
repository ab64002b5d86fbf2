package com.ntprocesslab.lab.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.state.HandleInfo;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.States;
import com.ntprocesslab.lab.state.ThreadInfo;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.lab.text.Message;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each predicate holds on the state it describes and names what is wrong otherwise, in both languages. */
class PredicatesTest {

    private static final MachineState BOOTED = States.booted().build();
    private static final MachineState SUSPENDED_NOTEPAD = States.booted()
            .process(400, 300, "notepad.exe", List.of(new ThreadInfo(404, "Initialized", 1)), List.of(), Optional.of(List.of()))
            .handle(300, new HandleInfo(8, "Process", "notepad.exe", 0x1fffff))
            .build();

    private static List<String> english(Predicate predicate, MachineState state) {
        return predicate.problems(state).stream().map(m -> m.in(Language.EN)).toList();
    }

    @Test
    void processExistsAndChildOf() {
        assertThat(english(new ProcessExists("notepad.exe"), BOOTED)).containsExactly("No notepad.exe has been created yet.");
        assertThat(english(new ProcessExists("NOTEPAD.EXE"), SUSPENDED_NOTEPAD)).isEmpty();
        assertThat(english(new ChildOf("notepad.exe", "explorer.exe"), SUSPENDED_NOTEPAD)).isEmpty();
        assertThat(english(new ChildOf("notepad.exe", "cmd.exe"), SUSPENDED_NOTEPAD))
                .containsExactly("notepad.exe should be a child of cmd.exe, it is a child of explorer.exe.");
    }

    @Test
    void threadsSuspendCountsAndLoaderList() {
        assertThat(english(new ThreadCount("notepad.exe", 1), SUSPENDED_NOTEPAD)).isEmpty();
        assertThat(english(new ThreadCount("notepad.exe", 2), SUSPENDED_NOTEPAD)).containsExactly("Expected 2 thread(s) in notepad.exe, found 1.");
        assertThat(english(new SuspendCount("notepad.exe", 1), SUSPENDED_NOTEPAD)).isEmpty();
        assertThat(english(new SuspendCount("notepad.exe", 0), SUSPENDED_NOTEPAD))
                .containsExactly("notepad.exe's thread has suspend count 1; it should be 0.");
        assertThat(english(new LoaderList("notepad.exe", true, Optional.empty()), SUSPENDED_NOTEPAD)).isEmpty();
        assertThat(english(new LoaderList("notepad.exe", false, Optional.of("ntdll.dll")), SUSPENDED_NOTEPAD))
                .containsExactly("The PEB loader list of notepad.exe should list ntdll.dll, but it is still empty: the loader (LdrInitializeThunk) has not run yet.");
        assertThat(english(new LoaderList("System", true, Optional.empty()), SUSPENDED_NOTEPAD))
                .containsExactly("System has no PEB, so it has no loader list.");
    }

    @Test
    void handlesCompareTypeTargetAndAccessButNeverValues() {
        assertThat(english(new HandleHeld("explorer.exe", "Process", Optional.of("notepad.exe"), OptionalLong.of(0x1fffff), true),
                SUSPENDED_NOTEPAD)).isEmpty();
        assertThat(english(new HandleHeld("explorer.exe", "Process", Optional.of("notepad.exe"), OptionalLong.of(0x1f0fff), true),
                SUSPENDED_NOTEPAD)).containsExactly(
                "The handle table of explorer.exe holds a handle of that kind but with access 0x1fffff; expected Process -> notepad.exe (0x1f0fff).");
        assertThat(english(new HandleHeld("explorer.exe", "Thread", Optional.empty(), OptionalLong.empty(), true), SUSPENDED_NOTEPAD))
                .containsExactly("The handle table of explorer.exe holds no handle Thread.");
    }

    @Test
    void csrStopAndLastCall() {
        assertThat(english(new CsrProcess("explorer.exe", true, OptionalLong.of(0x280), OptionalLong.of(1)), BOOTED)).isEmpty();
        assertThat(english(new CsrProcess("notepad.exe", true, OptionalLong.of(0x280), OptionalLong.empty()), SUSPENDED_NOTEPAD))
                .containsExactly("csrss holds no CSR_PROCESS for notepad.exe: the process was never registered with the Windows subsystem.");
        assertThat(english(new StoppedAt("nt!MmCreateProcessAddressSpace"), BOOTED))
                .containsExactly("The machine should be stopped at nt!MmCreateProcessAddressSpace, but it is not stopped anywhere.");
        MachineState failed = States.booted().lastCall("CreateProcessW", false, 0x57).stoppedAt("nt!PspAllocateProcess").build();
        assertThat(english(new LastCallResult(Optional.of("CreateProcessW"), Optional.empty(), OptionalLong.of(0x57)), failed)).isEmpty();
        assertThat(english(new LastCallResult(Optional.empty(), Optional.of(true), OptionalLong.empty()), failed))
                .containsExactly("The last .call should have succeeded, it failed with Win32 error 0x57.");
        assertThat(english(new StoppedAt("nt!MmCreateProcessAddressSpace"), failed))
                .containsExactly("The machine should be stopped at nt!MmCreateProcessAddressSpace, it is stopped at nt!PspAllocateProcess.");
    }

    @Test
    void theStopLocationItsCallStackAndItsStage() {
        MachineState stopped = States.booted().stoppedAt("nt!PspAllocateProcess+0x2a0").build();

        assertThat(english(new StoppedAt("nt!PspAllocateProcess"), stopped)).isEmpty();
        assertThat(english(new InCallStack("nt!NtCreateUserProcess"), stopped)).isEmpty();
        assertThat(english(new InCallStack("CSRSRV!CsrCreateProcess"), stopped)).containsExactly(
                "The call stack should pass through CSRSRV!CsrCreateProcess, but it does not (the machine is stopped at nt!PspAllocateProcess; read it with k).");
        assertThat(english(new StoppedInStage(3, Optional.of("explorer.exe")), stopped)).isEmpty();
        assertThat(english(new StoppedInStage(7, Optional.of("notepad.exe")), stopped)).containsExactly(
                "The machine should be stopped in stage 7; it is stopped in stage 3, at nt!PspAllocateProcess.",
                "The machine should be stopped on a thread of notepad.exe, it is stopped on a thread of explorer.exe.");
        assertThat(english(new StoppedInStage(3, Optional.empty()), BOOTED))
                .containsExactly("The machine should be stopped in stage 3, but it is not stopped anywhere.");
    }

    @Test
    void exitedProcessesLingerUntilTheirLastHandleCloses() {
        MachineState zombie = States.booted().exited(400, 300, "notepad.exe", 1).build();
        assertThat(english(new ExitStatus("notepad.exe", 1), zombie)).isEmpty();
        assertThat(english(new ProcessExists("notepad.exe"), zombie)).containsExactly("notepad.exe exists but has already exited (exit status 0x1).");
        assertThat(english(new ProcessAbsent("notepad.exe"), zombie)).containsExactly(
                "Expected no process notepad.exe, found 1 (an exited process still counts while a handle to it is open).");
        assertThat(english(new ExitStatus("notepad.exe", 1), SUSPENDED_NOTEPAD)).containsExactly("notepad.exe is still running; it should have exited.");
    }

    @Test
    void everyProblemAndDescriptionExistsInChinese() {
        List<Message> problems = new java.util.ArrayList<>();
        problems.addAll(new ThreadCount("notepad.exe", 2).problems(SUSPENDED_NOTEPAD));
        problems.add(new CsrProcess("notepad.exe", true, OptionalLong.of(0x280), OptionalLong.empty()).describe());
        assertThat(problems.stream().map(m -> m.in(Language.ZH_CN)).toList())
                .containsExactly("notepad.exe 应有 2 个线程，实际有 1 个。", "csrss 中有 notepad.exe 的 CSR_PROCESS，关机级别 0x280");
    }
}
