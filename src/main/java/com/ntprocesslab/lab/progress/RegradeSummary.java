package com.ntprocesslab.lab.progress;

import java.util.List;

/** What a class re-grade did: per student, how many checkpoints their machine passes now. */
public record RegradeSummary(String labId, List<StudentGrade> students) {

    public record StudentGrade(String student, long machineId, int passed, int checkpoints) {
    }
}
