package com.ntprocesslab.lab.checkpoint;

import java.util.List;
import java.util.Set;

/** How a checkpoint is graded. */
public sealed interface Criterion {

    /** All predicates must hold on the student's machine. */
    record Predicates(List<Predicate> predicates) implements Criterion {
    }

    /** The chosen projections of the student's machine must match the reference run's. */
    record Comparison(Set<Projection> projections) implements Criterion {
    }
}
