package com.ntprocesslab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.catalog.LabCatalog;
import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.grading.Grader;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.HistoryGrader;
import com.ntprocesslab.lab.grading.LoggedCommand;
import com.ntprocesslab.lab.grading.ReferenceRuns;
import com.ntprocesslab.lab.text.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lab followed literally: setup, then the commands of README.en.md's command blocks in
 * order, graded over the history, reaches every checkpoint. (The browser test walks the same
 * commands through the lab page.)
 */
class ReadmesAsWrittenTest {

    private static final LabCatalog.Contents CATALOG = LabFixtures.catalogOf(LabFixtures.PROJECT_LABS).reload();
    private static final HistoryGrader GRADER = new HistoryGrader(new Grader(new ReferenceRuns()));

    @TestFactory
    Stream<DynamicTest> eachReadmeFollowedLiterallyReachesEveryCheckpoint() {
        return CATALOG.labs().stream().map(lab -> DynamicTest.dynamicTest(lab.id(), () -> {
            HistoryGrade grade = GRADER.grade(lab, logOf(lab, ReadmeWalk.of(lab.readme().in(Language.EN)).commands()), lab.setup().size());
            assertThat(grade.next().map(c -> c.checkpoint().id() + ": " + c.feedbackIn(Language.EN))).as(lab.id()).isEmpty();
        }));
    }

    static List<LoggedCommand> logOf(Lab lab, List<String> commands) {
        List<LoggedCommand> log = new ArrayList<>();
        lab.setup().stream().map(ScriptLine::command).map(LoggedCommand::of).forEach(log::add);
        commands.stream().map(LoggedCommand::of).forEach(log::add);
        return log;
    }
}
