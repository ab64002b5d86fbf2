package com.ntprocesslab.lab.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.lab.catalog.ScriptLine;
import com.ntprocesslab.lab.progress.CheckOutcome;
import com.ntprocesslab.lab.progress.CheckReport;
import com.ntprocesslab.lab.progress.LabChecks;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.classroom.SolutionRelease;
import com.ntprocesslab.store.grading.Attempt;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Per-class release of feedback and of the solution, decided in the service: a withheld
 * feedback or solution never reaches the student, whatever their page asks for; the other
 * class's students keep their own class's rule; withholding wins over a second class's release.
 */
@SpringBootTest
class ClassReleaseTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    /** Its first checkpoint has a hint (shown after 2 failed checks). */
    private static final String LAB = "04-suspended-start";
    /** Offers its solution after 3 failed checks. */
    private static final String SOLUTION_LAB = "03-seven-stages";
    private static final String PASSWORD = "release-pass-4711";

    @Autowired
    AccountService accounts;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    LabChecks checks;
    @Autowired
    Labs labs;
    @Autowired
    AccountRepository accountRepository;

    private String teacher;
    private String student;
    private String neighbour;
    private Classroom classroom;
    private Classroom otherClass;

    @BeforeEach
    void givenTwoClassesWithAStudentEach() {
        String run = "rel" + RUN.incrementAndGet() + "-" + ProcessHandle.current().pid() + "-";
        teacher = run + "teacher";
        accounts.create(teacher, PASSWORD, Role.INSTRUCTOR);
        classroom = classrooms.create(teacher, "Release class " + run);
        otherClass = classrooms.create(teacher, "Other class " + run);
        student = run + "student";
        neighbour = run + "neighbour";
        accounts.signUpStudent(student, PASSWORD, classroom.getJoinCode());
        accounts.signUpStudent(neighbour, PASSWORD, otherClass.getJoinCode());
    }

    @Test
    void withheldFeedbackReachesNeitherThePageNorTheApiButStaysWithTheAttempt() {
        classrooms.releaseFeedback(teacher, classroom.getId(), false);

        CheckReport mine = checks.check(student, LAB);
        CheckReport theirs = checks.check(neighbour, LAB);

        CheckOutcome next = next(mine);
        assertThat(next.feedback().in(Language.EN)).contains("has not released the feedback");
        assertThat(next(theirs).feedback().in(Language.EN)).doesNotContain("has not released").isNotBlank();
        for (int i = 0; i < 3; i++) {
            assertThat(next(checks.check(student, LAB)).hint()).as("no hint while feedback is withheld").isEmpty();
            theirs = checks.check(neighbour, LAB);
        }
        assertThat(next(theirs).hint()).as("the other class gets its hint").isPresent();
        List<Attempt> recorded = checks.attempts(student, LAB);
        assertThat(recorded.getLast().getFeedbackEn()).as("the instructor still sees the real feedback")
                .isEqualTo(next(theirs).feedback().in(Language.EN));

        classrooms.releaseFeedback(teacher, classroom.getId(), true);
        assertThat(next(checks.check(student, LAB)).feedback().in(Language.EN)).isEqualTo(next(theirs).feedback().in(Language.EN));
    }

    @Test
    void aWithheldSolutionIsRefusedEvenAfterTheLabWouldOfferIt() {
        classrooms.releaseSolution(teacher, classroom.getId(), SolutionRelease.WITHHELD);
        for (int i = 0; i < 4; i++) {
            checks.check(student, SOLUTION_LAB);
            checks.check(neighbour, SOLUTION_LAB);
        }

        assertThat(checks.check(student, SOLUTION_LAB).solutionOffered()).isFalse();
        assertThatThrownBy(() -> checks.solution(student, SOLUTION_LAB)).isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("not released");
        assertThat(checks.check(neighbour, SOLUTION_LAB).solutionOffered()).as("the other class follows the lab's rule").isTrue();
        assertThat(checks.solution(neighbour, SOLUTION_LAB)).isEqualTo(solutionOf(SOLUTION_LAB));
    }

    @Test
    void aReleasedSolutionIsOfferedAtOnceAndTheLabRuleComesBack() {
        assertThatThrownBy(() -> checks.solution(student, SOLUTION_LAB)).as("no failed check yet").isInstanceOf(AccessRefusedException.class);

        classrooms.releaseSolution(teacher, classroom.getId(), SolutionRelease.RELEASED);
        assertThat(checks.solutionOffered(student, SOLUTION_LAB)).isTrue();
        assertThat(checks.solution(student, SOLUTION_LAB)).isEqualTo(solutionOf(SOLUTION_LAB));
        assertThatThrownBy(() -> checks.solution(neighbour, SOLUTION_LAB)).isInstanceOf(AccessRefusedException.class);

        classrooms.releaseSolution(teacher, classroom.getId(), SolutionRelease.LAB_RULE);
        assertThatThrownBy(() -> checks.solution(student, SOLUTION_LAB)).isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void withholdingInOneClassWinsOverAReleaseInAnother() {
        classrooms.enroll(otherClass, accountRepository.findByUsername(student).orElseThrow());
        classrooms.releaseSolution(teacher, classroom.getId(), SolutionRelease.RELEASED);
        classrooms.releaseSolution(teacher, otherClass.getId(), SolutionRelease.WITHHELD);
        classrooms.releaseFeedback(teacher, otherClass.getId(), false);

        assertThatThrownBy(() -> checks.solution(student, SOLUTION_LAB)).isInstanceOf(AccessRefusedException.class);
        assertThat(next(checks.check(student, SOLUTION_LAB)).feedback().in(Language.EN)).contains("has not released the feedback");

        classrooms.archive(teacher, otherClass.getId());
        assertThat(checks.solution(student, SOLUTION_LAB)).as("an archived class no longer decides").isEqualTo(solutionOf(SOLUTION_LAB));
    }

    @Test
    void aReleaseNeedsAChoice() {
        assertThatThrownBy(() -> classrooms.releaseSolution(teacher, classroom.getId(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Choose");
    }

    private List<String> solutionOf(String lab) {
        return labs.lab(lab).solution().stream().map(ScriptLine::command).toList();
    }

    private static CheckOutcome next(CheckReport report) {
        return report.outcomes().stream().filter(o -> o.status() == CheckOutcome.Status.NEXT).findFirst().orElseThrow();
    }
}
