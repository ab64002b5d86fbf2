package com.ntprocesslab.lab.catalog;

import com.ntprocesslab.lab.checkpoint.Criterion;
import com.ntprocesslab.lab.text.Localized;
import java.util.Optional;

/**
 * One graded state of a lab. {@code criterion} says how it is graded (predicates over the
 * snapshot, or a comparison with the reference run); {@code line} locates it in lab.yaml.
 */
public record Checkpoint(String id, Localized title, Criterion criterion, Optional<Localized> hint, int line) {
}
