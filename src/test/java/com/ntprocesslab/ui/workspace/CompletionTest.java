package com.ntprocesslab.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tab completes by the word's place in the command; ; splits a line into commands as WinDbg does. */
class CompletionTest {

    @Test
    void eachPlaceOfACommandCompletesWhatCanStandThere() {
        assertThat(Completion.of("vert").line()).isEqualTo("vertarget ");
        assertThat(Completion.of("dt nt!_EP").line()).isEqualTo("dt nt!_EPROCESS");
        assertThat(Completion.of("dt nt!_K").candidates()).containsExactly("nt!_KPROCESS", "nt!_KTHREAD");
        assertThat(Completion.of(".call expl").line()).isEqualTo(".call explorer.exe");
        assertThat(Completion.of(".call explorer.exe TerminateP").line()).isEqualTo(".call explorer.exe TerminateProcess");
        assertThat(Completion.of(".call explorer.exe CreateProcessWithL").line()).isEqualTo(".call explorer.exe CreateProcessWithLogonW");
        assertThat(Completion.of(".call explorer.exe CreateProcessWithT").line()).isEqualTo(".call explorer.exe CreateProcessWithTokenW");
        assertThat(Completion.of(".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc").line())
                .isEqualTo(".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe");
        assertThat(Completion.of("lm m KERNELB").line()).isEqualTo("lm m KERNELBASE");
        assertThat(Completion.of("bp nt!PspAllocateP").line()).isEqualTo("bp nt!PspAllocateProcess");
        assertThat(Completion.of("dt nt!_EPROCESS ffff").candidates()).isEmpty();
    }

    @Test
    void semicolonsSeparateCommandsExceptInsideQuotes() {
        assertThat(Console.commandsOf("bp nt!PspAllocateProcess; g ;; k")).containsExactly("bp nt!PspAllocateProcess", "g", "k");
        assertThat(Console.commandsOf(".reg add HKLM\\X \"a;b\" 1")).containsExactly(".reg add HKLM\\X \"a;b\" 1");
        assertThat(Console.commandsOf(" ; ")).isEmpty();
    }
}
