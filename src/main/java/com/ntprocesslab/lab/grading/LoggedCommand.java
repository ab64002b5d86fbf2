package com.ntprocesslab.lab.grading;

import java.time.Instant;
import java.util.Optional;

/** One command of a machine's history as the grader replays it, with when it was accepted (unknown for a script). */
public record LoggedCommand(String command, Optional<Instant> acceptedAt) {

    public static LoggedCommand of(String command) {
        return new LoggedCommand(command, Optional.empty());
    }
}
