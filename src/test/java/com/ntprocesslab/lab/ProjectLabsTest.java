package com.ntprocesslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.CommandResult;
import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.grading.CheckpointResult;
import com.ntprocesslab.lab.grading.CheckpointProgress;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LabVerifier;
import com.ntprocesslab.lab.grading.ReferenceRun;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import com.ntprocesslab.lab.text.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own labs: all load, each reference solution passes every checkpoint where it
 * is reached, the untouched setup machine fails every checkpoint with feedback that names
 * what is missing, and each deliberately wrong solution, graded over its history, stops short
 * at the expected checkpoint with the expected feedback.
 */
class ProjectLabsTest {

    private static final Pattern EXPECT = Pattern.compile("#\\s*expect\\s+(\\S+)\\s+fails:\\s*(.+)");
    private static final LabCatalog.Contents CATALOG = LabFixtures.catalogOf(LabFixtures.PROJECT_LABS).reload();
    private static final ReferenceRuns REFERENCES = new ReferenceRuns();
    private static final Grader GRADER = new Grader(REFERENCES);
    private static final HistoryGrader HISTORY = new HistoryGrader(GRADER);

    @Test
    void everyLabLoadsWithoutProblemsInBothLanguages() throws IOException {
        assertThat(CATALOG.problems()).isEmpty();
        try (Stream<Path> folders = Files.list(LabFixtures.PROJECT_LABS)) {
            assertThat(CATALOG.labs()).hasSize((int) folders.filter(Files::isDirectory).count()).hasSizeGreaterThanOrEqualTo(10);
        }
        for (Lab lab : CATALOG.labs()) {
            assertThat(lab.checkpoints()).as(lab.id()).hasSizeBetween(2, 5);
            assertThat(lab.id()).isEqualTo(lab.folder());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachReferenceSolutionPassesAllItsCheckpoints() {
        return CATALOG.labs().stream().map(lab -> DynamicTest.dynamicTest(lab.id(), () -> {
            LabVerifier.Report report = new LabVerifier(REFERENCES, GRADER).verify(lab);
            assertThat(report.problems()).isEmpty();
            assertThat(report.solution().checkpoints()).hasSize(lab.checkpoints().size()).allMatch(CheckpointProgress::passed);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theUntouchedSetupMachineFailsEachCheckpointSayingWhatIsMissing() {
        return CATALOG.labs().stream().map(lab -> DynamicTest.dynamicTest(lab.id(), () -> {
            Machine machine = ReferenceRun.setupMachine(lab);
            for (CheckpointResult result : GRADER.gradeAll(lab, machine.snapshotJson())) {
                assertThat(result.passed()).as(lab.id() + "/" + result.checkpointId()).isFalse();
                for (Language language : Language.values()) {
                    assertThat(result.feedbackIn(language)).as(lab.id() + "/" + result.checkpointId())
                            .isNotBlank().doesNotContain("OK:").doesNotContain("通过：");
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> deliberatelyWrongSolutionsFailWithTheExpectedFeedback() throws IOException {
        List<Path> wrong;
        try (Stream<Path> files = Files.walk(LabFixtures.WRONG_SOLUTIONS)) {
            wrong = files.filter(f -> f.toString().endsWith(".cmd")).sorted().toList();
        }
        for (Lab lab : CATALOG.labs()) {
            assertThat(wrong).as("wrong solutions of " + lab.id())
                    .filteredOn(f -> f.getParent().getFileName().toString().equals(lab.id())).hasSizeGreaterThanOrEqualTo(2);
        }
        Map<String, Lab> labs = CATALOG.labs().stream().collect(java.util.stream.Collectors.toMap(Lab::id, l -> l));
        return wrong.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            Lab lab = labs.get(file.getParent().getFileName().toString());
            assertThat(lab).as("a lab for " + file).isNotNull();
            List<String> lines = Files.readAllLines(file);
            List<String> commands = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            Machine machine = ReferenceRun.setupMachine(lab);
            for (String command : commands) {
                CommandResult result = machine.execute(command);
                assertThat(result.accepted()).as(command + " -> " + result.output()).isTrue();
            }
            HistoryGrade grade = HISTORY.grade(lab, ReadmesAsWrittenTest.logOf(lab, commands), lab.setup().size());
            int expectations = 0;
            for (String line : lines) {
                Matcher expect = EXPECT.matcher(line.strip());
                if (expect.matches()) {
                    expectations++;
                    CheckpointProgress next = grade.next().orElseThrow(() -> new AssertionError(file + " reaches every checkpoint"));
                    assertThat(next.checkpoint().id()).as("the first checkpoint " + file + " does not reach").isEqualTo(expect.group(1));
                    assertThat(next.feedbackIn(Language.EN)).as(expect.group(1)).contains(expect.group(2).strip());
                }
            }
            assertThat(expectations).as("expectations in " + file).isGreaterThanOrEqualTo(1);
        }));
    }
}
