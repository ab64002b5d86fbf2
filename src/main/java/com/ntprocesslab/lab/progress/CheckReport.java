package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;
import java.util.List;
import java.util.Optional;

/** The answer to a Check: every checkpoint's outcome, the lab to go on with, and whether the solution may be shown. */
public record CheckReport(Lab lab, List<CheckOutcome> outcomes, Optional<Lab> nextLab, boolean solutionOffered) {

    public boolean complete() {
        return outcomes.stream().allMatch(CheckOutcome::passed);
    }
}
