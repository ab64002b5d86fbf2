package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.session.MachineObservers;
import com.ntprocesslab.session.MachineSessions;
import com.ntprocesslab.session.ObservedMachine;
import com.ntprocesslab.session.PurposeMachine;
import com.ntprocesslab.store.access.AccessPolicy;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.classroom.RosterEntry;
import com.ntprocesslab.store.grading.Attempt;
import com.ntprocesslab.store.grading.AttemptRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What an instructor sees of their classes: the students x checkpoints grid of a lab, a
 * class re-grade, the results as CSV and a student's machine, read-only. Every method
 * checks that the class (or the student) belongs to the instructor; otherwise it is not found.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ClassResults {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClassroomService classrooms;
    private final Labs labs;
    private final ClassRegrade regrades;
    private final BestResults best;
    private final AttemptRepository attempts;
    private final MachineSessions sessions;
    private final MachineObservers observers;
    private final AccessPolicy access;

    public ClassGrid grid(String instructor, long classroomId, String labId) {
        Classroom classroom = classrooms.taught(instructor, classroomId);
        Lab lab = labs.lab(labId);
        Map<Long, Long> machineOfStudent = sessions.activeMachinesFor(instructor, lab.id()).stream()
                .collect(Collectors.toMap(PurposeMachine::ownerId, PurposeMachine::machineId, (older, newer) -> newer));
        Map<Long, List<Attempt>> attemptsOfStudent = attempts.findByLabIdOrderById(lab.id()).stream()
                .collect(Collectors.groupingBy(Attempt::getStudentId));
        Map<Long, Map<String, Reached>> reachedOfStudent = best.ofLab(lab.id());
        Map<Long, Map<String, Long>> reachedOnOfStudent = best.machinesOfLab(lab.id());
        List<ClassGrid.StudentRow> rows = new ArrayList<>();
        for (RosterEntry student : classrooms.roster(instructor, classroom.getId())) {
            List<Attempt> theirs = attemptsOfStudent.getOrDefault(student.studentId(), List.of());
            Optional<Long> machine = Optional.ofNullable(machineOfStudent.get(student.studentId()));
            rows.add(new ClassGrid.StudentRow(student.username(), machine,
                    cells(lab, theirs, reachedOfStudent.getOrDefault(student.studentId(), Map.of()),
                            reachedOnOfStudent.getOrDefault(student.studentId(), Map.of())), lastActivity(instructor, theirs, machine)));
        }
        return new ClassGrid(classroom.getName(), lab, List.copyOf(rows));
    }

    /** Re-grades the lab for this class only, grading each student's machine over its history again. */
    public RegradeSummary regrade(String instructor, long classroomId, String labId, RegradeProgress progress) {
        Set<Long> students = studentsOf(instructor, classroomId);
        return regrades.regrade(instructor, labId, students::contains, progress);
    }

    /** The grid as CSV: one row per student; per checkpoint passed / not reached / not tried, the checks, and where it was reached. */
    public void writeCsv(ClassGrid grid, Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("student", "passed", "checkpoints", "last_activity"));
        for (Checkpoint checkpoint : grid.checkpoints()) {
            header.add(checkpoint.id());
            header.add(checkpoint.id() + "_attempts");
            header.add(checkpoint.id() + "_reached_at_command");
        }
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (ClassGrid.StudentRow row : grid.students()) {
                List<Object> record = new ArrayList<>(List.of(row.student(), row.passed(), grid.checkpoints().size(),
                        row.lastActivity().map(Instant::toString).orElse("")));
                for (ClassGrid.Cell cell : row.cells()) {
                    record.add(cell.passed() ? "passed" : cell.tried() ? "not reached" : "not tried");
                    record.add(cell.attempts());
                    record.add(cell.reached().map(r -> (Object) r.position()).orElse(""));
                }
                csv.printRecord(record);
            }
        }
    }

    /**
     * The grid as JSON: per student their passed count, last activity and per checkpoint its
     * state, checks, and where it was first reached (machine, command index, command, time).
     */
    public String json(ClassGrid grid) {
        List<Map<String, Object>> students = new ArrayList<>();
        for (ClassGrid.StudentRow row : grid.students()) {
            List<Map<String, Object>> checkpoints = new ArrayList<>();
            for (int i = 0; i < grid.checkpoints().size(); i++) {
                ClassGrid.Cell cell = row.cells().get(i);
                Map<String, Object> checkpoint = new LinkedHashMap<>();
                checkpoint.put("id", grid.checkpoints().get(i).id());
                checkpoint.put("state", cell.passed() ? "passed" : cell.tried() ? "not reached" : "not tried");
                checkpoint.put("checks", cell.attempts());
                cell.reached().ifPresent(reached -> {
                    Map<String, Object> where = new LinkedHashMap<>();
                    cell.reachedOn().ifPresent(machine -> where.put("machineId", machine));
                    where.put("commandIndex", reached.position());
                    where.put("command", reached.command());
                    where.put("at", reached.at().map(Instant::toString).orElse(null));
                    checkpoint.put("reached", where);
                });
                checkpoints.add(checkpoint);
            }
            Map<String, Object> student = new LinkedHashMap<>();
            student.put("student", row.student());
            student.put("passed", row.passed());
            student.put("lastActivity", row.lastActivity().map(Instant::toString).orElse(null));
            student.put("checkpoints", checkpoints);
            students.add(student);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("class", grid.className());
        document.put("lab", grid.lab().id());
        document.put("checkpoints", grid.checkpoints().size());
        document.put("students", students);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /** A machine of one of the instructor's students, replayed read-only; any other id is not found. */
    public ObservedMachine studentMachine(String instructor, long machineId) {
        access.requireInstructor(instructor);
        return observers.observe(instructor, machineId);
    }

    private Set<Long> studentsOf(String instructor, long classroomId) {
        return classrooms.roster(instructor, classroomId).stream().map(RosterEntry::studentId).collect(Collectors.toSet());
    }

    private static List<ClassGrid.Cell> cells(Lab lab, List<Attempt> theirs, Map<String, Reached> reached, Map<String, Long> reachedOn) {
        Map<String, List<Attempt>> byCheckpoint = theirs.stream().collect(Collectors.groupingBy(Attempt::getCheckpointId));
        return lab.checkpoints().stream().map(checkpoint -> {
            List<Attempt> gradings = byCheckpoint.getOrDefault(checkpoint.id(), List.of());
            int checks = (int) gradings.stream().filter(a -> a.getKind() == Attempt.Kind.CHECK).count();
            return new ClassGrid.Cell(checks, Optional.ofNullable(reached.get(checkpoint.id())), !gradings.isEmpty(),
                    Optional.ofNullable(reachedOn.get(checkpoint.id())));
        }).toList();
    }

    /** The later of the student's last check and last command on the lab machine (a re-grade is not their doing). */
    private Optional<Instant> lastActivity(String instructor, List<Attempt> theirs, Optional<Long> machine) {
        Stream<Instant> checks = theirs.stream().filter(a -> a.getKind() == Attempt.Kind.CHECK).map(Attempt::getCheckedAt);
        Stream<Instant> commands = machine.flatMap(id -> observers.lastCommandAt(instructor, id)).stream();
        return Stream.concat(checks, commands).max(Comparator.naturalOrder());
    }
}
