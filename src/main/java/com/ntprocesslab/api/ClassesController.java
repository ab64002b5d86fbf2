package com.ntprocesslab.api;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.lab.progress.ClassGrid;
import com.ntprocesslab.lab.progress.ClassResults;
import com.ntprocesslab.store.classroom.ClassroomService;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** For instructors: the classes they teach and a class's results in a lab, as the class grid and its CSV download show them. */
@RestController
@RequestMapping("/api/v1/classes")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ClassesController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ClassroomService classrooms;
    private final ClassResults results;

    @GetMapping
    List<ClassSummary> classes(Authentication caller) {
        return classrooms.classesOf(caller.getName()).stream()
                .map(classroom -> new ClassSummary(classroom.getId(), classroom.getName(), classroom.getJoinCode(),
                        classrooms.size(classroom)))
                .toList();
    }

    @GetMapping("/{classId}/labs/{labId}/results")
    Results results(Authentication caller, @PathVariable long classId, @PathVariable String labId) {
        return Results.of(results.grid(caller.getName(), classId, labId));
    }

    /** The same CSV as the class grid's download. */
    @GetMapping("/{classId}/labs/{labId}/results.csv")
    ResponseEntity<String> csv(Authentication caller, @PathVariable long classId, @PathVariable String labId) throws IOException {
        ClassGrid grid = results.grid(caller.getName(), classId, labId);
        StringWriter out = new StringWriter();
        results.writeCsv(grid, out);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"class-" + classId + "-" + labId + ".csv\"")
                .body(out.toString());
    }

    record ClassSummary(long id, String name, String joinCode, long students) {
    }

    record Results(String className, String labId, List<String> checkpoints, List<StudentResult> students) {
        static Results of(ClassGrid grid) {
            List<String> checkpoints = grid.checkpoints().stream().map(Checkpoint::id).toList();
            return new Results(grid.className(), grid.lab().id(), checkpoints,
                    grid.students().stream().map(row -> StudentResult.of(row, checkpoints)).toList());
        }
    }

    record StudentResult(String student, Long machineId, int passed, Instant lastActivity, List<Cell> checkpoints) {
        static StudentResult of(ClassGrid.StudentRow row, List<String> checkpointIds) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                ClassGrid.Cell cell = row.cells().get(i);
                cells.add(new Cell(checkpointIds.get(i), cell.passed() ? "passed" : cell.tried() ? "not_reached" : "not_tried",
                        cell.attempts(), cell.reached().map(Reached::position).orElse(null)));
            }
            return new StudentResult(row.student(), row.machineId().orElse(null), row.passed(), row.lastActivity().orElse(null),
                    List.copyOf(cells));
        }
    }

    /** One checkpoint of one student: passed / not_reached / not_tried, their checks, and the command position where it was reached. */
    record Cell(String checkpoint, String state, int checks, Long reachedAtCommand) {
    }
}
