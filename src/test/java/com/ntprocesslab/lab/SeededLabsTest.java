package com.ntprocesslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.kernel.Machine;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.grading.CheckpointProgress;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import com.ntprocesslab.lab.text.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lab on per-student machines: the same solution, README walk and wrong attempts give
 * the same grade and the same feedback whatever the machine's seed, while the machines
 * themselves (their transcripts) differ. Nothing a lab grades may depend on a PID, a handle
 * value or an address.
 */
class SeededLabsTest {

    /** The default seed and seeds as students' machines get them (any long). */
    private static final long[] SEEDS = {BootSeed.DEFAULT, 1, 0x5eedL, -0x1234567890abcdefL, 0x7fffffffffffffffL};
    private static final LabCatalog.Contents CATALOG = LabFixtures.catalogOf(LabFixtures.PROJECT_LABS).reload();
    private static final HistoryGrader GRADER = new HistoryGrader(new Grader(new ReferenceRuns()));
    private static final Pattern EXPECT = Pattern.compile("# expect (\\S+) fails: (.+)");

    @TestFactory
    Stream<DynamicTest> everySolutionReachesFullMarksOnEverySeed() {
        return CATALOG.labs().stream().map(lab -> DynamicTest.dynamicTest(lab.id(), () -> {
            List<String> solution = lab.solution().stream().map(ScriptLine::command).toList();
            Set<String> transcripts = new HashSet<>();
            for (long seed : SEEDS) {
                HistoryGrade grade = GRADER.grade(lab, ReadmesAsWrittenTest.logOf(lab, solution), lab.setup().size(), seed);
                assertThat(grade.checkpoints()).as("%s on seed %d", lab.id(), seed).allMatch(CheckpointProgress::passed);
                transcripts.add(transcript(lab, solution, seed));
            }
            assertThat(transcripts).as("every seed's machine answers with its own numbers").hasSize(SEEDS.length);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyReadmeFollowedLiterallyPassesOnEverySeed() {
        return CATALOG.labs().stream().map(lab -> DynamicTest.dynamicTest(lab.id(), () -> {
            List<String> walk = ReadmeWalk.of(lab.readme().in(Language.EN)).commands();
            for (long seed : SEEDS) {
                HistoryGrade grade = GRADER.grade(lab, ReadmesAsWrittenTest.logOf(lab, walk), lab.setup().size(), seed);
                assertThat(grade.next().map(c -> c.checkpoint().id() + ": " + c.feedbackIn(Language.EN)))
                        .as("%s on seed %d", lab.id(), seed).isEmpty();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> wrongAttemptsGetTheSameFeedbackOnEverySeed() throws IOException {
        List<Path> wrong;
        try (Stream<Path> files = Files.walk(LabFixtures.WRONG_SOLUTIONS)) {
            wrong = files.filter(f -> f.toString().endsWith(".cmd")).sorted().toList();
        }
        Map<String, Lab> labs = CATALOG.labs().stream().collect(Collectors.toMap(Lab::id, l -> l));
        return wrong.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            Lab lab = labs.get(file.getParent().getFileName().toString());
            List<String> lines = Files.readAllLines(file);
            List<String> commands = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            Matcher expect = lines.stream().map(l -> EXPECT.matcher(l.strip())).filter(Matcher::matches).findFirst().orElseThrow();
            for (long seed : SEEDS) {
                CheckpointProgress next = GRADER.grade(lab, ReadmesAsWrittenTest.logOf(lab, commands), lab.setup().size(), seed)
                        .next().orElseThrow(() -> new AssertionError(file + " reaches every checkpoint on seed " + seed));
                assertThat(next.checkpoint().id()).as("seed %d", seed).isEqualTo(expect.group(1));
                assertThat(next.feedbackIn(Language.EN)).as("seed %d", seed).contains(expect.group(2).strip());
            }
        }));
    }

    /** Every answer of setup and solution on a machine of that seed. */
    private static String transcript(Lab lab, List<String> solution, long seed) {
        Machine machine = Machine.boot(lab.profile(), seed);
        StringBuilder out = new StringBuilder();
        Stream.concat(lab.setup().stream().map(ScriptLine::command), solution.stream())
                .forEach(command -> out.append(machine.execute(command).output()).append('\n'));
        out.append(machine.snapshotJson());
        return out.toString();
    }
}
