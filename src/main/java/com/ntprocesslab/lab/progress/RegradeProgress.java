package com.ntprocesslab.lab.progress;

/** Told after each student's machine is re-graded, so a page can show a progress bar. */
@FunctionalInterface
public interface RegradeProgress {

    RegradeProgress NONE = (done, total, student) -> { };

    void graded(int done, int total, String student);
}
