package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Checkpoint;
import com.ntprocesslab.lab.catalog.Lab;
import com.ntprocesslab.lab.grading.Reached;
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

    /**
     * A checkpoint for one student: how many times they checked the lab while it was open, and
     * where they first reached it (best ever), if they did. {@code tried}: some check or
     * re-grade graded it. {@code reachedOn}: the machine whose history reached it.
     */
    public record Cell(int attempts, Optional<Reached> reached, boolean tried, Optional<Long> reachedOn) {

        public boolean passed() {
            return reached.isPresent();
        }
    }
}
