package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One class's results in one lab: a row per student, a cell per checkpoint. */
public record ClassGrid(String className, Lab lab, List<StudentRow> students) {

    public List<Checkpoint> checkpoints() {
        return lab.checkpoints();
    }

    /** A student's attempts at each checkpoint (in the lab's order) and their lab machine, if they opened the lab. */
    public record StudentRow(String student, Optional<Long> machineId, List<Cell> cells, Optional<Instant> lastActivity) {

        public int passed() {
            return (int) cells.stream().filter(Cell::passed).count();
        }
    }

    /** How many times the student checked a checkpoint, and what its latest grading (check or re-grade) said; empty: never graded. */
    public record Cell(int attempts, Optional<Boolean> latest) {

        public boolean passed() {
            return latest.orElse(false);
        }
    }
}
