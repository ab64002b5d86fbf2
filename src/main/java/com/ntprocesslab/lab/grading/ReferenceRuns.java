package com.ntprocesslab.lab.grading;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ntprocesslab.lab.catalog.Lab;

/**
 * Reference runs cached per lab version (its id and the fingerprint of its files): grading a
 * whole class runs the reference once, and an edited lab gets a fresh run.
 */
public final class ReferenceRuns {

    private final Cache<String, ReferenceRun> runs = Caffeine.newBuilder().maximumSize(500).build();
    private final LabRunBudget budget;

    public ReferenceRuns() {
        this(LabRunBudget.DEFAULT);
    }

    public ReferenceRuns(LabRunBudget budget) {
        this.budget = budget;
    }

    public ReferenceRun of(Lab lab) {
        return runs.get(lab.id() + "@" + lab.fingerprint(), key -> ReferenceRun.of(lab, budget));
    }
}
