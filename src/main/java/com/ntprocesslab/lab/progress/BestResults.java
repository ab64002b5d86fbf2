package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.CheckpointProgress;
import com.ntprocesslab.lab.grading.HistoryGrade;
import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.store.grading.CheckpointReached;
import com.ntprocesslab.store.grading.CheckpointReachedRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The best result of every student at every checkpoint, the one truth that progress, the
 * catalog, the instructor's grid, the CSV and re-grades show: a checkpoint reached once, on
 * any of the student's machines for the lab, stays reached, with where it was first reached.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class BestResults {

    private final CheckpointReachedRepository reached;

    /** Keeps every checkpoint the grade reached that was not reached before; earlier results are never replaced. */
    void record(long studentId, Lab lab, long machineId, HistoryGrade grade) {
        Map<String, Reached> known = of(studentId, lab.id());
        for (CheckpointProgress progress : grade.checkpoints()) {
            if (progress.reached().isEmpty() || known.containsKey(progress.checkpoint().id())) {
                continue;
            }
            Reached where = progress.reached().get();
            try {
                reached.save(new CheckpointReached(studentId, lab.id(), progress.checkpoint().id(), machineId, where.position(),
                        where.command(), where.at().orElse(null)));
            } catch (DataIntegrityViolationException alreadyThere) {
                // A check in another tab recorded it a moment ago: the first one stays, as it should.
            }
        }
    }

    /** The student's reached checkpoints of the lab, by checkpoint id. */
    Map<String, Reached> of(long studentId, String labId) {
        return byCheckpoint(reached.findByStudentIdAndLabId(studentId, labId));
    }

    /** Every student's reached checkpoints of the lab: student id -> checkpoint id -> where. */
    Map<Long, Map<String, Reached>> ofLab(String labId) {
        return reached.findByLabId(labId).stream().collect(Collectors.groupingBy(CheckpointReached::getStudentId,
                Collectors.collectingAndThen(Collectors.toList(), BestResults::byCheckpoint)));
    }

    /** On which machine each student first reached each checkpoint of the lab: student id -> checkpoint id -> machine id. */
    Map<Long, Map<String, Long>> machinesOfLab(String labId) {
        return reached.findByLabId(labId).stream().collect(Collectors.groupingBy(CheckpointReached::getStudentId,
                Collectors.toMap(CheckpointReached::getCheckpointId, CheckpointReached::getMachineId, (first, second) -> first)));
    }

    /** The student's reached checkpoints in every lab: lab id -> checkpoint id -> where. */
    Map<String, Map<String, Reached>> ofStudent(long studentId) {
        return reached.findByStudentId(studentId).stream().collect(Collectors.groupingBy(CheckpointReached::getLabId,
                Collectors.collectingAndThen(Collectors.toList(), BestResults::byCheckpoint)));
    }

    private static Map<String, Reached> byCheckpoint(List<CheckpointReached> rows) {
        return rows.stream().collect(Collectors.toMap(CheckpointReached::getCheckpointId,
                row -> new Reached(row.getLogPosition(), row.getCommand(), row.getReachedAt()), (first, second) -> first));
    }

    static Optional<Reached> in(Map<String, Reached> reached, String checkpointId) {
        return Optional.ofNullable(reached.get(checkpointId));
    }
}
