package com.ntprocesslab.lab.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.ntprocesslab.lab.progress.ClassResults;
import com.ntprocesslab.lab.progress.ClassRegrade;
import com.ntprocesslab.lab.progress.LabChecks;
import com.ntprocesslab.lab.progress.LabMachines;
import com.ntprocesslab.lab.progress.Labs;
import com.ntprocesslab.kernel.Profile;
import com.ntprocesslab.kernel.ps.BootSeed;
import com.ntprocesslab.lab.progress.InstructorDashboard;
import com.ntprocesslab.lab.progress.MachineReview;
import com.ntprocesslab.session.Lectures;
import com.ntprocesslab.session.MachineForks;
import com.ntprocesslab.session.MachineMoments;
import com.ntprocesslab.session.MachineNotFoundException;
import com.ntprocesslab.session.ReplayedHistory;
import com.ntprocesslab.store.machine.CommandLogRepository;
import java.time.Duration;
import com.ntprocesslab.session.MachineObservers;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.ReplayProgress;
import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.account.AccountService;
import com.ntprocesslab.store.account.Role;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every service action that reads or changes a machine, attempt, grade, class, replay report
 * entry or lab, called by each kind of caller on real and forged ids, against a real H2
 * database. A refusal is an {@link AccessRefusedException} or "not found"; any other
 * exception fails the test, and so does an action that lets the wrong caller through.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Persona { ANONYMOUS, STUDENT, OTHER_STUDENT, INSTRUCTOR, OTHER_INSTRUCTOR, CO_INSTRUCTOR, ADMIN }

    /** Which object the action is aimed at: the student's, the other instructor's, or an id nothing has. */
    enum Target { OWN, FOREIGN, MISSING }

    private static final String LAB = "07-scripts";
    private static final String PASSWORD = "matrix-pass-4711";
    private static final long MISSING_ID = 987_654_321L;
    private static final AtomicInteger INVITEES = new AtomicInteger();
    private static final Set<Persona> OWNER = EnumSet.of(Persona.STUDENT);
    private static final Set<Persona> TEACHERS = EnumSet.of(Persona.INSTRUCTOR, Persona.CO_INSTRUCTOR);
    private static final Set<Persona> OWNER_AND_TEACHERS = EnumSet.of(Persona.STUDENT, Persona.INSTRUCTOR, Persona.CO_INSTRUCTOR);
    private static final Set<Persona> INSTRUCTORS = EnumSet.of(Persona.INSTRUCTOR, Persona.OTHER_INSTRUCTOR, Persona.CO_INSTRUCTOR, Persona.ADMIN);

    @Autowired
    AccountService accounts;
    @Autowired
    ClassroomService classrooms;
    @Autowired
    MachineSessions sessions;
    @Autowired
    MachineObservers observers;
    @Autowired
    Labs labs;
    @Autowired
    LabMachines labMachines;
    @Autowired
    LabChecks checks;
    @Autowired
    ClassRegrade regrades;
    @Autowired
    ClassResults results;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MachineMoments moments;
    @Autowired
    Lectures lectures;
    @Autowired
    InstructorDashboard dashboards;
    @Autowired
    MachineReview review;
    @Autowired
    MachineForks forks;
    @Autowired
    CommandLogRepository commandLog;

    private String prefix;
    private long studentMachine;
    private long otherStudentMachine;
    private Classroom classroom;
    private Classroom otherClassroom;

    @BeforeAll
    void givenAClassWithItsTeachersAndAStudentOfAnotherClass() {
        prefix = "mx" + ProcessHandle.current().pid() + "-";
        accounts.create(name(Persona.INSTRUCTOR), PASSWORD, Role.INSTRUCTOR);
        accounts.create(name(Persona.OTHER_INSTRUCTOR), PASSWORD, Role.INSTRUCTOR);
        accounts.create(name(Persona.CO_INSTRUCTOR), PASSWORD, Role.INSTRUCTOR);
        accounts.create(name(Persona.ADMIN), PASSWORD, Role.INSTRUCTOR);
        jdbc.update("UPDATE account SET admin = TRUE WHERE username = ?", name(Persona.ADMIN));
        classroom = classrooms.create(name(Persona.INSTRUCTOR), "Matrix class");
        otherClassroom = classrooms.create(name(Persona.OTHER_INSTRUCTOR), "Other class");
        classrooms.invite(name(Persona.INSTRUCTOR), classroom.getId(), name(Persona.CO_INSTRUCTOR));
        accounts.signUpStudent(name(Persona.STUDENT), PASSWORD, classroom.getJoinCode());
        accounts.signUpStudent(name(Persona.OTHER_STUDENT), PASSWORD, otherClassroom.getJoinCode());
        studentMachine = labMachines.openLab(name(Persona.STUDENT), LAB);
        otherStudentMachine = labMachines.openLab(name(Persona.OTHER_STUDENT), LAB);
        checks.check(name(Persona.STUDENT), LAB);
        checks.check(name(Persona.OTHER_STUDENT), LAB);
    }

    /** The machine's history as a caller would hold it after a replay (built here, so a refused caller holds one too). */
    private ReplayedHistory historyOf(long machineId) {
        return ReplayedHistory.replay(machineId, Profile.MODERN, BootSeed.DEFAULT, commandLog.findByMachineIdOrderBySeq(machineId), Duration.ofSeconds(30));
    }

    private String name(Persona persona) {
        return persona == Persona.ANONYMOUS ? null : prefix + persona.name().toLowerCase().replace('_', '-');
    }

    /** An action on a machine or class id; true when the caller got what they asked for. */
    interface Action {
        boolean run(String caller, long id);
    }

    record Row(String name, boolean onMachine, Set<Persona> allowedOnOwn, Action action) {
        @Override
        public String toString() {
            return name;
        }
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("open a machine", true, OWNER, (caller, id) -> sessions.open(id, caller, ReplayProgress.NONE) != null));
        rows.add(new Row("type a command", true, OWNER, (caller, id) -> sessions.submit(id, caller, "!process 0 0").accepted()));
        rows.add(new Row("read the command history", true, OWNER, (caller, id) -> !sessions.history(id, caller).isEmpty()));
        rows.add(new Row("take a snapshot", true, OWNER, (caller, id) -> !sessions.snapshot(id, caller).isEmpty()));
        rows.add(new Row("read the machine", true, OWNER, (caller, id) -> sessions.read(id, caller).machineId() == id));
        rows.add(new Row("follow the machine's changes", true, OWNER, (caller, id) -> {
            sessions.subscribe(id, caller, change -> { }).run();
            return true;
        }));
        rows.add(new Row("replay headless (re-grade)", true, OWNER_AND_TEACHERS,
                (caller, id) -> sessions.replayHeadless(caller, id).machineId() == id));
        rows.add(new Row("observe read-only", true, OWNER_AND_TEACHERS, (caller, id) -> observers.observe(caller, id).machineId() == id));
        rows.add(new Row("when the machine last changed", true, OWNER_AND_TEACHERS,
                (caller, id) -> observers.lastCommandAt(caller, id).isPresent()));
        rows.add(new Row("open a student's machine from the grid", true, TEACHERS,
                (caller, id) -> results.studentMachine(caller, id).machineId() == id));
        rows.add(new Row("list the lab's active machines", true, OWNER_AND_TEACHERS,
                (caller, id) -> sessions.activeMachinesFor(caller, LAB).stream().anyMatch(m -> m.machineId() == id)));
        rows.add(new Row("replay report lists the machine", true, OWNER_AND_TEACHERS, (caller, id) -> {
            // No divergence exists: the report must at least not fail, and may list only what the caller reads.
            sessions.divergences(caller);
            return sessions.activeMachinesFor(caller, LAB).stream().anyMatch(m -> m.machineId() == id);
        }));
        rows.add(new Row("re-grade the lab (labs page)", true, TEACHERS,
                (caller, id) -> regrades.regrade(caller, LAB, (done, total, student) -> { }).students().stream()
                        .anyMatch(grade -> grade.machineId() == id)));
        rows.add(new Row("see the student's attempts", true, OWNER,
                (caller, id) -> checks.attempts(caller, LAB).stream().anyMatch(attempt -> attempt.getMachineId() == id)));
        rows.add(new Row("replay a machine's whole history", true, OWNER_AND_TEACHERS, (caller, id) -> moments.replay(caller, id).machineId() == id));
        rows.add(new Row("rebuild a machine after a command", true, OWNER_AND_TEACHERS,
                (caller, id) -> moments.atCommand(caller, historyOf(id), 1).command() == 1));
        rows.add(new Row("rebuild a machine at a step", true, OWNER_AND_TEACHERS,
                (caller, id) -> moments.atPosition(caller, historyOf(id), historyOf(id).bootPosition()).command() == 0));
        rows.add(new Row("review a student's machine (markers, class)", true, TEACHERS,
                (caller, id) -> review.review(caller, id).machine().machineId() == id));
        rows.add(new Row("download a student's command history", true, TEACHERS,
                (caller, id) -> review.historyJson(caller, id).contains("\"commands\"")));
        rows.add(new Row("fork a moment into my sandbox", true, TEACHERS,
                (caller, id) -> forks.forkForMyself(caller, historyOf(id), MachineForks.ForkPoint.afterCommand(1)) != id));
        rows.add(new Row("list the forks of a machine", true, OWNER_AND_TEACHERS, (caller, id) -> forks.forksOf(caller, id) != null));
        rows.add(new Row("start the class's lecture", false, TEACHERS, (caller, id) -> lectures.start(caller, id) > 0));
        rows.add(new Row("follow the class's lecture and fork it", false, OWNER_AND_TEACHERS, (caller, id) -> {
            lectures.start(name(id == classroom.getId() ? Persona.INSTRUCTOR : Persona.OTHER_INSTRUCTOR), id);
            Lectures.Following following = lectures.follow(caller, id, change -> { });
            following.stop().run();
            return lectures.forkCurrent(caller, id) != following.machineId();
        }));
        rows.add(new Row("class roster", false, TEACHERS, (caller, id) -> !classrooms.roster(caller, id).isEmpty()));
        rows.add(new Row("class teachers", false, TEACHERS, (caller, id) -> classrooms.teachersOf(caller, id).size() >= 1));
        rows.add(new Row("class results grid", false, TEACHERS, (caller, id) -> !results.grid(caller, id, LAB).students().isEmpty()));
        rows.add(new Row("re-grade one class", false, TEACHERS,
                (caller, id) -> !results.regrade(caller, id, LAB, (done, total, student) -> { }).students().isEmpty()));
        rows.add(new Row("invite a co-instructor", false, TEACHERS, (caller, id) -> {
            String invitee = prefix + "invitee-" + INVITEES.incrementAndGet();
            accounts.create(invitee, PASSWORD, Role.INSTRUCTOR);
            classrooms.invite(caller, id, invitee);
            return true;
        }));
        return rows;
    }

    /** Actions that aim at no id: lab reloads, the problem list, classes and accounts. */
    private List<Row> globalRows() {
        return List.of(
                new Row("reload the labs", false, INSTRUCTORS, (caller, id) -> labs.reloadLabs(caller) != null),
                new Row("see the broken labs", false, INSTRUCTORS, (caller, id) -> labs.catalog(caller) != null),
                new Row("create a class", false, INSTRUCTORS, (caller, id) -> classrooms.create(caller, "Made by " + caller) != null),
                new Row("list my classes", false, INSTRUCTORS, (caller, id) -> classrooms.classesOf(caller) != null),
                new Row("see my dashboard", false, INSTRUCTORS, (caller, id) -> dashboards.dashboard(caller) != null),
                new Row("create an instructor account", false, EnumSet.of(Persona.ADMIN), (caller, id) ->
                        accounts.createInstructor(caller, prefix + "made-" + INVITEES.incrementAndGet(), PASSWORD) != null));
    }

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : rows()) {
            for (Persona persona : Persona.values()) {
                for (Target target : Target.values()) {
                    cases.add(Arguments.of(row, persona, target));
                }
            }
        }
        return cases.stream();
    }

    Stream<Arguments> globalMatrix() {
        return globalRows().stream().flatMap(row -> Stream.of(Persona.values()).map(persona -> Arguments.of(row, persona)));
    }

    @ParameterizedTest(name = "{0} by {1} on {2}")
    @MethodSource("matrix")
    void onlyTheRightCallerReachesTheObject(Row row, Persona persona, Target target) {
        long id = switch (target) {
            case OWN -> row.onMachine() ? studentMachine : classroom.getId();
            case FOREIGN -> row.onMachine() ? otherStudentMachine : otherClassroom.getId();
            case MISSING -> MISSING_ID;
        };
        boolean allowed = switch (target) {
            case OWN -> row.allowedOnOwn().contains(persona);
            case FOREIGN -> foreignEquivalent(row.allowedOnOwn()).contains(persona);
            case MISSING -> false;
        };

        assertThat(reached(row, name(persona), id)).as(row + " by " + persona + " on " + target).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("globalMatrix")
    void onlyTheRightRoleActsOnTheLabsClassesAndAccounts(Row row, Persona persona) {
        assertThat(reached(row, name(persona), 0)).as(row + " by " + persona).isEqualTo(row.allowedOnOwn().contains(persona));
    }

    @Test
    void theMatrixCoversEveryCallerAndForgedIds() {
        assertThat(matrix().count() + globalMatrix().count()).isEqualTo((long) rows().size() * 7 * 3 + globalRows().size() * 7L);
    }

    /** The other student's objects belong to the other class: the other student and the other instructor stand where ours stood. */
    private static Set<Persona> foreignEquivalent(Set<Persona> allowed) {
        Set<Persona> foreign = EnumSet.noneOf(Persona.class);
        if (allowed.contains(Persona.STUDENT)) {
            foreign.add(Persona.OTHER_STUDENT);
        }
        if (allowed.contains(Persona.INSTRUCTOR)) {
            foreign.add(Persona.OTHER_INSTRUCTOR);
        }
        return foreign;
    }

    private static boolean reached(Row row, String caller, long id) {
        try {
            return row.action().run(caller, id);
        } catch (AccessRefusedException | MachineNotFoundException | ClassroomNotFoundException refused) {
            return false;
        }
    }
}
