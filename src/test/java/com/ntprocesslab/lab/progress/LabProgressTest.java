package com.ntprocesslab.lab.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.lab.text.Language;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineReading;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.account.AccountRepository;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.grading.Attempt;
import com.ntprocesslab.store.machine.CommandLogRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Labs on students' real, logged machines, against a real H2 database. */
@SpringBootTest
class LabProgressTest {

    private static final AtomicInteger STUDENTS = new AtomicInteger();
    private static final String LAB = "04-suspended-start";

    @Autowired
    LabMachines labs;
    @Autowired
    LabChecks checks;
    @Autowired
    ClassRegrade regrades;
    @Autowired
    LabStandings standings;
    @Autowired
    MachineSessions sessions;
    @Autowired
    AccountService accounts;
    @Autowired
    CommandLogRepository commandLog;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    AccountRepository accountRepository;

    private String student;

    @BeforeEach
    void givenAStudent() {
        student = "lab-student-" + STUDENTS.incrementAndGet();
        accounts.signUpStudent(student, "password-123");
    }

    private void type(long machineId, String... commands) {
        for (String command : commands) {
            ConsoleEntry entry = sessions.submit(machineId, student, command);
            assertThat(entry.accepted()).as(command + " -> " + entry.output()).isTrue();
        }
    }

    @Test
    void theLabMachineIsPreparedByLoggedSetupCommandsAndReopensAsTheSameMachine() {
        long machineId = labs.openLab(student, "07-scripts");

        assertThat(commandLog.findByMachineIdOrderBySeq(machineId)).extracting(e -> e.getCommand())
                .containsExactly(".file add C:\\Temp\\readme.txt \"Put your scripts here.\"");
        assertThat(labs.openLab(student, "07-scripts")).isEqualTo(machineId);
        assertThat(labs.openLab(student, LAB)).isNotEqualTo(machineId);
    }

    @Test
    void checkingGradesEveryCheckpointRecordsAttemptsAndNeverChangesTheMachine() {
        long machineId = labs.openLab(student, LAB);
        type(machineId, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        MachineReading before = sessions.read(machineId, student);
        long logBefore = commandLog.countByMachineId(machineId);

        List<CheckOutcome> outcomes = checks.check(student, LAB).outcomes();

        assertThat(sessions.read(machineId, student)).isEqualTo(before);
        assertThat(commandLog.countByMachineId(machineId)).isEqualTo(logBefore);
        assertThat(outcomes).extracting(CheckOutcome::checkpointId, CheckOutcome::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("created-suspended", true),
                org.assertj.core.groups.Tuple.tuple("registered-while-suspended", true),
                org.assertj.core.groups.Tuple.tuple("resumed", false));
        assertThat(outcomes).extracting(CheckOutcome::status).containsExactly(CheckOutcome.Status.PASSED,
                CheckOutcome.Status.PASSED, CheckOutcome.Status.NEXT);
        assertThat(outcomes.getFirst().reached()).hasValueSatisfying(where -> assertThat(where.position()).isEqualTo(1));
        assertThat(outcomes.get(2).feedback().in(Language.EN)).contains("explorer.exe has not called ResumeThread yet");
        assertThat(outcomes.get(2).feedback().in(Language.ZH_CN)).contains("explorer.exe 尚未调用 ResumeThread");
        List<Attempt> attempts = checks.attempts(student, LAB);
        assertThat(attempts).hasSize(3).allSatisfy(attempt -> {
            assertThat(attempt.getMachineId()).isEqualTo(machineId);
            assertThat(attempt.getLogPosition()).isEqualTo(before.logPosition());
            assertThat(attempt.getKind()).isEqualTo(Attempt.Kind.CHECK);
            assertThat(attempt.getFeedbackEn()).isNotBlank();
            assertThat(attempt.getFeedbackZh()).isNotBlank();
        });
    }

    @Test
    void theHintAppearsAfterTwoFailedAttempts() {
        labs.openLab(student, LAB);

        CheckOutcome first = checks.check(student, LAB).outcomes().getFirst();
        CheckOutcome second = checks.check(student, LAB).outcomes().getFirst();

        assertThat(first.passed()).isFalse();
        assertThat(first.hint()).isEmpty();
        assertThat(second.hint()).hasValueSatisfying(hint -> assertThat(hint.en()).contains("CREATE_SUSPENDED"));
        assertThat(checks.check(student, LAB).outcomes().get(1).hint()).as("a checkpoint after the next one").isEmpty();
    }

    @Test
    void aResetGivesAFreshMachineSetUpAgain() {
        long old = labs.openLab(student, "07-scripts");
        type(old, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\calc.exe");

        long fresh = labs.resetLab(student, "07-scripts");

        assertThat(fresh).isNotEqualTo(old);
        assertThat(labs.openLab(student, "07-scripts")).isEqualTo(fresh);
        assertThat(commandLog.countByMachineId(fresh)).isEqualTo(1);
    }

    @Test
    void reGradingReplaysEveryStudentsMachineAndReportsProgress() {
        String other = student + "-b";
        String teacher = student + "-teacher";
        accounts.create(teacher, "password-123", Role.INSTRUCTOR);
        Classroom classroom = classrooms.create(teacher, "Re-grade class");
        accounts.signUpStudent(other, "password-123", classroom.getJoinCode());
        classrooms.enroll(classroom, accountRepository.findByUsername(student).orElseThrow());
        long mine = labs.openLab(student, "09-termination");
        labs.openLab(other, "09-termination");
        type(mine, ".call explorer.exe CreateProcessW C:\\Tools\\worker.exe", "g");
        sessions.evict(mine);
        List<String> progress = new ArrayList<>();

        RegradeSummary summary = regrades.regrade(teacher, "09-termination", (done, total, name) -> progress.add(done + "/" + total + " " + name));

        assertThat(summary.students()).filteredOn(g -> g.student().equals(student)).singleElement()
                .satisfies(g -> assertThat(g.passed()).isEqualTo(1));
        assertThat(summary.students()).filteredOn(g -> g.student().equals(other)).singleElement()
                .satisfies(g -> assertThat(g.passed()).isZero());
        assertThat(progress).hasSize(summary.students().size()).last().asString().startsWith(progress.size() + "/" + progress.size());
        assertThat(standings.standings(student)).filteredOn(s -> s.lab().id().equals("09-termination")).singleElement()
                .satisfies(s -> assertThat(s.passed()).isEqualTo(1));
        assertThat(sessions.isLive(mine)).as("re-grading reads a private replay, not the live cache").isFalse();
    }

    @Test
    void aCheckpointReachedOnceStaysPassedAfterItIsUndoneAfterAResetAndInTheStandings() {
        long machineId = labs.openLab(student, LAB);
        type(machineId, ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe CREATE_SUSPENDED");
        type(machineId, ".call explorer.exe TerminateProcess $hProcess 1", "g");

        List<CheckOutcome> undone = checks.check(student, LAB).outcomes();
        labs.resetLab(student, LAB);
        List<CheckOutcome> afterReset = checks.check(student, LAB).outcomes();

        assertThat(undone).extracting(CheckOutcome::status).startsWith(CheckOutcome.Status.PASSED, CheckOutcome.Status.PASSED);
        assertThat(afterReset).extracting(CheckOutcome::status).startsWith(CheckOutcome.Status.PASSED, CheckOutcome.Status.PASSED);
        assertThat(afterReset.getFirst().reached()).hasValueSatisfying(where -> assertThat(where.command()).contains("CREATE_SUSPENDED"));
        assertThat(standings.standings(student)).filteredOn(s -> s.lab().id().equals(LAB)).singleElement()
                .satisfies(s -> assertThat(s.passed()).isEqualTo(2));
    }

    @Test
    void lab04WithoutCreateSuspendedNeverReachesResumedEvenThroughABreakpoint() {
        long machineId = labs.openLab(student, LAB);
        type(machineId, "bu nt!KeResumeThread", ".call explorer.exe CreateProcessW C:\\Windows\\System32\\notepad.exe", "g", "g",
                ".call explorer.exe ResumeThread $hThread", "g");

        CheckReport report = checks.check(student, LAB);

        assertThat(report.outcomes()).extracting(CheckOutcome::status).containsExactly(CheckOutcome.Status.NEXT,
                CheckOutcome.Status.NOT_REACHED, CheckOutcome.Status.NOT_REACHED);
        assertThat(report.complete()).isFalse();
    }

    @Test
    void anUnknownLabIsRefusedWithItsName() {
        assertThatThrownBy(() -> labs.openLab(student, "99-nope")).isInstanceOf(LabNotFoundException.class)
                .hasMessage("There is no lab '99-nope'.");
    }
}
