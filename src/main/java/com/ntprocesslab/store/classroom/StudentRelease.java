package com.ntprocesslab.store.classroom;

import java.util.Collection;

/**
 * What a student may see of their checks, from every active class they are in: feedback unless
 * a class withholds it; the solution withheld if any class withholds it, else released if any
 * class releases it, else as each lab says. A student in no class (self-paced) sees feedback,
 * and the solution as each lab says. Withholding wins, so a second class cannot open an exam.
 */
public record StudentRelease(boolean feedbackShown, SolutionRelease solution) {

    public static final StudentRelease SELF_PACED = new StudentRelease(true, SolutionRelease.LAB_RULE);

    static StudentRelease of(Collection<Classroom> classes) {
        boolean feedback = true;
        SolutionRelease solution = SolutionRelease.LAB_RULE;
        for (Classroom classroom : classes) {
            feedback &= classroom.isFeedbackReleased();
            if (classroom.getSolutionRelease() == SolutionRelease.WITHHELD) {
                solution = SolutionRelease.WITHHELD;
            } else if (classroom.getSolutionRelease() == SolutionRelease.RELEASED && solution == SolutionRelease.LAB_RULE) {
                solution = SolutionRelease.RELEASED;
            }
        }
        return new StudentRelease(feedback, solution);
    }
}
