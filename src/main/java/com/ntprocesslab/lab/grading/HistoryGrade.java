package com.ntprocesslab.lab.grading;

import java.util.List;
import java.util.Optional;

/** A lab graded over one machine's history: every checkpoint in the lab's order. */
public record HistoryGrade(List<CheckpointProgress> checkpoints) {

    public long passedCount() {
        return checkpoints.stream().filter(CheckpointProgress::passed).count();
    }

    public boolean allPassed() {
        return passedCount() == checkpoints.size();
    }

    /** The first checkpoint not reached yet: the only one with feedback. */
    public Optional<CheckpointProgress> next() {
        return checkpoints.stream().filter(c -> !c.passed()).findFirst();
    }
}
