package com.ntprocesslab.lab.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.checkpoint.Projection;
import com.ntprocesslab.lab.state.HandleInfo;
import com.ntprocesslab.lab.state.MachineState;
import com.ntprocesslab.lab.state.States;
import com.ntprocesslab.lab.state.ThreadInfo;
import com.ntprocesslab.lab.text.Language;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Only what the reference changed is graded; PIDs, handle values and unrelated objects never count. */
class StateComparisonTest {

    private static final Set<Projection> ALL = EnumSet.of(Projection.PROCESS_TREE, Projection.THREADS, Projection.HANDLES, Projection.CSR);
    private static final MachineState SETUP = States.booted().build();
    private static final MachineState REFERENCE = States.booted()
            .process(400, 300, "notepad.exe", List.of(new ThreadInfo(404, "Waiting", 0)), List.of(), Optional.of(List.of("ntdll.dll")))
            .handle(300, new HandleInfo(12, "Process", "notepad.exe", 0x1fffff))
            .csr(400, "notepad.exe", 1)
            .build();
    private static final Map<Fact, Integer> TARGET = StateComparison.target(Facts.of(SETUP, ALL), Facts.of(REFERENCE, ALL));

    private static List<String> differences(MachineState student, Language language) {
        return StateComparison.differences(TARGET, Facts.of(student, ALL)).stream().map(m -> m.in(language)).toList();
    }

    @Test
    void theSameStateWithOtherPidsHandleValuesAndAnUnrelatedProcessMatches() {
        MachineState student = States.booted()
                .process(1232, 300, "notepad.exe", List.of(new ThreadInfo(1236, "Waiting", 0)), List.of(), Optional.of(List.of("ntdll.dll")))
                .process(1300, 300, "calc.exe", List.of(new ThreadInfo(1304, "Waiting", 0)), List.of(), Optional.of(List.of()))
                .handle(300, new HandleInfo(96, "Process", "notepad.exe", 0x1fffff))
                .csr(1232, "notepad.exe", 1)
                .build();
        assertThat(differences(student, Language.EN)).isEmpty();
    }

    @Test
    void theUntouchedSetupMachineIsToldEverythingThatIsMissing() {
        assertThat(differences(SETUP, Language.EN)).containsExactly(
                "Expected 1 × notepad.exe running, child of explorer.exe; found 0.",
                "Expected 1 × a thread of notepad.exe in state Waiting with suspend count 0; found 0.",
                "Expected 1 × in the handle table of explorer.exe: a Process handle to notepad.exe with access 0x1fffff; found 0.",
                "Expected 1 × a CSR_PROCESS for notepad.exe with shutdown level 0x280 and 1 CSR_THREAD(s); found 0.");
    }

    @Test
    void aWrongParentAndAWrongSuspendCountAreNamedInTheStudentsLanguage() {
        MachineState student = States.booted()
                .process(500, 200, "cmd.exe", List.of(new ThreadInfo(504, "Waiting", 0)), List.of(), Optional.of(List.of()))
                .process(600, 500, "notepad.exe", List.of(new ThreadInfo(604, "Waiting", 1)), List.of(), Optional.of(List.of()))
                .handle(300, new HandleInfo(12, "Process", "notepad.exe", 0x1fffff))
                .csr(600, "notepad.exe", 1)
                .build();
        assertThat(differences(student, Language.EN)).containsExactly(
                "Expected notepad.exe running, child of explorer.exe; found notepad.exe running, child of cmd.exe instead.",
                "Expected a thread of notepad.exe in state Waiting with suspend count 0; found a thread of notepad.exe in state Waiting with suspend count 1 instead.");
        assertThat(differences(student, Language.ZH_CN).getFirst())
                .isEqualTo("应为：notepad.exe 正在运行，父进程为 explorer.exe；实际为：notepad.exe 正在运行，父进程为 cmd.exe。");
    }

    @Test
    void twoProcessesWhereTheReferenceMadeOneAreTooMany() {
        MachineState student = States.booted()
                .process(400, 300, "notepad.exe", List.of(new ThreadInfo(404, "Waiting", 0)), List.of(), Optional.of(List.of()))
                .process(408, 300, "notepad.exe", List.of(new ThreadInfo(412, "Waiting", 0)), List.of(), Optional.of(List.of()))
                .handle(300, new HandleInfo(12, "Process", "notepad.exe", 0x1fffff))
                .csr(400, "notepad.exe", 1)
                .build();
        assertThat(differences(student, Language.EN)).containsExactly(
                "Expected 1 × notepad.exe running, child of explorer.exe; found 2.",
                "Expected 1 × a thread of notepad.exe in state Waiting with suspend count 0; found 2.");
    }
}
