package com.ntprocesslab.lab.catalog;

import java.util.ArrayList;
import java.util.List;

/** Collects a lab's problems so one pass reports all of them, not just the first. */
final class ProblemList {

    private final String folder;
    private final List<LabProblem> problems = new ArrayList<>();

    ProblemList(String folder) {
        this.folder = folder;
    }

    void add(String file, int line, String reason) {
        problems.add(new LabProblem(folder, file, line, reason));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<LabProblem> list() {
        return List.copyOf(problems);
    }
}
