package com.ntprocesslab.lab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.LabFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of broken lab is reported with its file, line and reason, and never loaded. */
class BrokenLabsTest {

    private final LabCatalog.Contents contents = LabFixtures.catalogOf(LabFixtures.BROKEN_LABS).reload();

    private List<String> problemsOf(String folder) {
        return contents.problems().stream().filter(p -> p.labFolder().equals(folder)).map(LabProblem::toString).toList();
    }

    @Test
    void noBrokenLabIsLoaded() {
        assertThat(contents.labs()).isEmpty();
    }

    @Test
    void badYamlIsReportedAtItsLine() {
        assertThat(problemsOf("bad-yaml")).singleElement().asString()
                .startsWith("bad-yaml/lab.yaml:").contains("not valid YAML");
    }

    @Test
    void aKeyWrittenTwiceIsReportedAtItsSecondOccurrence() {
        assertThat(problemsOf("duplicate-key")).singleElement().asString()
                .startsWith("duplicate-key/lab.yaml:14: not valid YAML: Duplicate").contains("\"predicates\"");
    }

    @Test
    void anUnknownPredicateIsNamedAtItsLine() {
        assertThat(problemsOf("unknown-predicate"))
                .containsExactly("unknown-predicate/lab.yaml:14: unknown predicate 'foo' (known: process_exists, process_absent,"
                        + " process_count, process_id, child_of, exit_status, base_priority, command_line, thread_count, suspend_count,"
                        + " thread_state, loader_list, csr_process, handle, stopped_at, in_call_stack, stopped_in_stage, last_call, called, failure_fired, stopped_in)");
    }

    @Test
    void missingTranslationsAreReported() {
        assertThat(problemsOf("missing-translation")).containsExactlyInAnyOrder(
                "missing-translation/lab.yaml:3: 'title' has no zh-CN translation",
                "missing-translation/README.zh-CN.md: missing: the instructions must exist in English and Simplified Chinese");
    }

    @Test
    void badArgumentsDifficultyAndProjectionsAreEachReported() {
        assertThat(problemsOf("bad-arguments")).containsExactlyInAnyOrder(
                "bad-arguments/lab.yaml:5: 'difficulty' is 'expert', expected one of beginner, intermediate, advanced",
                "bad-arguments/lab.yaml:13: argument 'equals' of 'thread_count' must be a number (decimal, or hex like 0x57), found a text",
                "bad-arguments/lab.yaml:14: predicate 'child_of' needs argument 'parent': child_of {image: text, parent: text}",
                "bad-arguments/lab.yaml:15: predicate 'stopped_at' has no argument 'colour': stopped_at {symbol: text}",
                "bad-arguments/lab.yaml:20: unknown projection 'weather' (known: process_tree, threads, handles, csr, stop, last_call)");
    }

    @Test
    void aCommandTheKernelRejectsIsReportedAtItsLineInTheScript() {
        assertThat(problemsOf("unknown-command")).singleElement().asString()
                .startsWith("unknown-command/solution.cmd:4: the kernel rejected 'frobnicate notepad.exe': ");
    }

    @Test
    void aSolutionFailingItsCheckpointAndACheckpointTheSetupAlreadyPassesAreReported() {
        assertThat(problemsOf("failing-solution")).containsExactly(
                "failing-solution/lab.yaml:14: the untouched setup machine already passes checkpoint 'nothing-to-grade', so it grades nothing",
                "failing-solution/lab.yaml:8: the reference solution never reaches checkpoint 'notepad-runs' (after the ones before it): No notepad.exe has been created yet.");
    }
}
