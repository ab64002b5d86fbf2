package com.ntprocesslab.lab.grading;

import com.ntprocesslab.lab.catalog.LabProblem;

/** A command of a lab's setup or solution that the kernel refused: the lab is broken. */
public class ScriptRejectedException extends RuntimeException {

    private final transient LabProblem problem;

    public ScriptRejectedException(LabProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public LabProblem problem() {
        return problem;
    }
}
