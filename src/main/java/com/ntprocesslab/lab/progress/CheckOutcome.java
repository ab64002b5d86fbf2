package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.grading.Reached;
import com.ntprocesslab.lab.text.Localized;
import java.util.Optional;

/**
 * A checkpoint as the student sees it after Check: passed (with where it was first reached),
 * the next one to reach (with feedback on what is still missing and, after failed checks, its
 * hint), or not reached yet (it counts only after the ones before it).
 */
public record CheckOutcome(String checkpointId, Localized title, Status status, Optional<Reached> reached, Localized feedback,
                           Optional<Localized> hint) {

    public enum Status { PASSED, NEXT, NOT_REACHED }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
