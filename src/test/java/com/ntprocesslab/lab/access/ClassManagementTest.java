package com.ntprocesslab.lab.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ntprocesslab.lab.progress.InstructorDashboard;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Renaming, archiving and deleting classes: unique names per instructor, who may do what, and that no log is lost. */
@SpringBootTest
class ClassManagementTest {

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
    InstructorDashboard dashboards;
    @Autowired
    JdbcTemplate jdbc;

    private String prefix;
    private Classroom classroom;

    @BeforeEach
    void givenAClassWithACoInstructorAndAStudent() {
        ClassCast cast = ClassCast.create("cm", "Internals 2026", accounts, classrooms, jdbc);
        prefix = cast.prefix();
        classroom = cast.classroom();
    }

    @Test
    void aSecondClassOfTheSameNameIsRefusedWhateverItsCaseButAnotherInstructorMayUseIt() {
        assertThatThrownBy(() -> classrooms.create(prefix + "teacher", "  internals 2026 "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("You already have a class named 'internals 2026'");
        Classroom other = classrooms.create(prefix + "teacher", "Internals 2027");
        assertThatThrownBy(() -> classrooms.rename(prefix + "teacher", other.getId(), "INTERNALS 2026"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose another name");
        assertThat(classrooms.create(prefix + "stranger", "Internals 2026").getName()).isEqualTo("Internals 2026");
        assertThat(classrooms.rename(prefix + "co", classroom.getId(), "Internals 2026 (spring)").getName()).isEqualTo("Internals 2026 (spring)");
        assertThat(classrooms.taught(prefix + "teacher", other.getId()).getName()).isEqualTo("Internals 2027");
    }

    @Test
    void onlyTeachersRenameOrArchiveAndOnlyTheCreatorDeletes() {
        for (String refused : List.of("stranger", "admin")) {
            assertThatThrownBy(() -> classrooms.rename(prefix + refused, classroom.getId(), "Mine now")).isInstanceOf(ClassroomNotFoundException.class);
            assertThatThrownBy(() -> classrooms.archive(prefix + refused, classroom.getId())).isInstanceOf(ClassroomNotFoundException.class);
            assertThatThrownBy(() -> classrooms.delete(prefix + refused, classroom.getId())).isInstanceOf(ClassroomNotFoundException.class);
        }
        assertThatThrownBy(() -> classrooms.rename(prefix + "student", classroom.getId(), "Mine now")).isInstanceOf(ClassroomNotFoundException.class);
        assertThatThrownBy(() -> classrooms.delete(prefix + "co", classroom.getId()))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("archive it instead");
        assertThat(classrooms.taught(prefix + "teacher", classroom.getId()).getName()).isEqualTo("Internals 2026");
    }

    @Test
    void anArchivedClassClosesItsJoinCodeAndKeepsEveryLogAndADeletedOneLeavesTheStudentsWork() {
        long machine = labs.openLab(prefix + "student", LAB);
        sessions.submit(machine, prefix + "student", "!process 0 0");
        int commands = sessions.history(machine, prefix + "student").size();

        classrooms.archive(prefix + "co", classroom.getId());

        assertThat(classrooms.byJoinCode(classroom.getJoinCode())).isEmpty();
        assertThat(classrooms.roster(prefix + "teacher", classroom.getId())).hasSize(1);
        assertThat(dashboards.dashboard(prefix + "teacher").classes()).isEmpty();
        assertThat(sessions.history(machine, prefix + "student")).hasSize(commands);
        classrooms.restore(prefix + "teacher", classroom.getId());
        assertThat(classrooms.byJoinCode(classroom.getJoinCode())).isPresent();

        classrooms.delete(prefix + "teacher", classroom.getId());

        assertThatThrownBy(() -> classrooms.taught(prefix + "teacher", classroom.getId())).isInstanceOf(ClassroomNotFoundException.class);
        assertThatThrownBy(() -> classrooms.taught(prefix + "co", classroom.getId())).isInstanceOf(ClassroomNotFoundException.class);
        assertThat(sessions.history(machine, prefix + "student")).hasSize(commands);
        assertThat(classrooms.create(prefix + "teacher", "Internals 2026").getName()).isEqualTo("Internals 2026");
    }

    @Test
    void theDashboardNamesAStudentWorkingLongOnTheSameCheckpoint() {
        long machine = labs.openLab(prefix + "student", LAB);
        jdbc.update("UPDATE machine SET created_at = DATEADD('MINUTE', -40, CURRENT_TIMESTAMP) WHERE id = ?", machine);
        sessions.submit(machine, prefix + "student", "!process 0 0");

        InstructorDashboard.Dashboard dashboard = dashboards.dashboard(prefix + "teacher");

        assertThat(dashboard.classes()).extracting(InstructorDashboard.ClassSummary::name).containsExactly("Internals 2026");
        assertThat(dashboard.stuck()).singleElement().satisfies(stuck -> {
            assertThat(stuck.student()).isEqualTo(prefix + "student");
            assertThat(stuck.labId()).isEqualTo(LAB);
            assertThat(stuck.stuckFor().toMinutes()).isBetween(39L, 41L);
        });
        assertThat(dashboard.recent().getFirst().command()).isEqualTo("!process 0 0");
        assertThat(dashboards.dashboard(prefix + "stranger").stuck()).isEmpty();
        assertThat(dashboards.dashboard(prefix + "stranger").recent()).isEmpty();
    }
}
