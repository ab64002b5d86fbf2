package com.ntprocesslab.lab.grading;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a checkpoint was first reached: after the command at {@code position} of the machine's
 * log (1 is the first command, setup included), the command itself, and when it was accepted.
 */
public record Reached(long position, String command, Optional<Instant> at) {
}
