package com.ntprocesslab.lab.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.session.ConsoleEntry;
import com.ntprocesslab.session.MachineForks;
import com.ntprocesslab.session.MachineMoments;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.ReplayedHistory;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.machine.MachineForkRepository;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Start again from here" replaces a student's machine, so only a teacher of that student may
 * do it (creator or co-instructor); the student, another student's instructor and the admin are
 * refused, and nothing changes for them. Kept apart from the matrix: a hand-over retires the
 * machine the matrix's other rows work on.
 */
@SpringBootTest
class HandOverAccessTest {

    private static final String LAB = "07-scripts";

    @Autowired
    AccountService accounts;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    LabMachines labs;
    @Autowired
    MachineSessions sessions;
    @Autowired
    MachineMoments moments;
    @Autowired
    MachineForks forks;
    @Autowired
    MachineForkRepository forkRecords;
    @Autowired
    JdbcTemplate jdbc;

    private String prefix;
    private long machine;

    @BeforeEach
    void givenAStudentOfAClassWithACoInstructor() {
        prefix = ClassCast.create("ho", "Hand-over class", accounts, classrooms, jdbc).prefix();
        classrooms.create(prefix + "stranger", "Stranger's class");
        machine = labs.openLab(prefix + "student", LAB);
        sessions.submit(machine, prefix + "student", "!process 0 0");
    }

    private ReplayedHistory history() {
        return moments.replay(prefix + "teacher", machine);
    }

    @Test
    void onlyATeacherOfTheStudentHandsAMomentBack() {
        ReplayedHistory history = history();
        List<ConsoleEntry> before = sessions.history(machine, prefix + "student");

        assertThatThrownBy(() -> forks.handToStudent(prefix + "student", history, MachineForks.ForkPoint.afterCommand(1)))
                .isInstanceOf(AccessRefusedException.class);
        assertThatThrownBy(() -> forks.handToStudent(prefix + "stranger", history, MachineForks.ForkPoint.afterCommand(1)))
                .isInstanceOf(MachineNotFoundException.class);
        assertThatThrownBy(() -> forks.handToStudent(prefix + "admin", history, MachineForks.ForkPoint.afterCommand(1)))
                .isInstanceOf(MachineNotFoundException.class);
        assertThat(sessions.status(machine, prefix + "student").active()).isTrue();
        assertThat(forkRecords.findBySourceMachineIdOrderById(machine)).isEmpty();

        long copy = forks.handToStudent(prefix + "co", history, MachineForks.ForkPoint.afterCommand(1));

        assertThat(labs.openLab(prefix + "student", LAB)).isEqualTo(copy);
        assertThat(sessions.history(copy, prefix + "student")).hasSize(2).last().extracting(ConsoleEntry::command).isEqualTo(".fork");
        assertThat(sessions.history(machine, prefix + "student")).isEqualTo(before);
        assertThat(forkRecords.findBySourceMachineIdOrderById(machine)).singleElement()
                .satisfies(row -> assertThat(row.getForkMachineId()).isEqualTo(copy));
    }

    @Test
    void aMomentOutsideTheHistoryForksNothing() {
        ReplayedHistory history = history();

        assertThatThrownBy(() -> forks.forkForMyself(prefix + "teacher", history, MachineForks.ForkPoint.afterCommand(99)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose 0 to " + history.entries().size());
        assertThatThrownBy(() -> forks.forkForMyself(prefix + "teacher", history, MachineForks.ForkPoint.atStep(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Step 1 is not in this history");
        assertThat(forkRecords.findBySourceMachineIdOrderById(machine)).isEmpty();
    }

    @Test
    void aForkAtAStepStandsThereAndIsTheInstructorsSandbox() {
        ReplayedHistory history = history();
        long step = (history.bootPosition() + history.presentPosition()) / 2;
        String expected = moments.atPosition(prefix + "teacher", history, step).snapshotJson();

        long fork = forks.forkForMyself(prefix + "teacher", history, MachineForks.ForkPoint.atStep(step));

        assertThat(sessions.openSandbox(prefix + "teacher")).isEqualTo(fork);
        assertThat(sessions.snapshot(fork, prefix + "teacher")).isEqualTo(expected);
        assertThat(sessions.submit(fork, prefix + "teacher", "!process 0 0").accepted()).isTrue();
    }
}
