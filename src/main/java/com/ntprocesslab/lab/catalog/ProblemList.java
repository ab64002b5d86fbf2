package com.ntprocesslab.lab.catalog;

import java.util.ArrayList;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Collects a lab's problems so one pass reports all of them, not just the first. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ProblemList {

    private final String folder;
    private final List<LabProblem> problems = new ArrayList<>();

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
