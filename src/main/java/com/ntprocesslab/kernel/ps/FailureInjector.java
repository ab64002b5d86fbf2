package com.ntprocesslab.kernel.ps;

import java.util.Set;
import java.util.TreeSet;

/** Allocations armed to fail once (the {@code .fail} command), for rollback labs. */
public final class FailureInjector {
    private final TreeSet<AllocationKind> armed = new TreeSet<>();

    public void arm(AllocationKind kind) {
        armed.add(kind);
    }

    /** True when this allocation must fail; the arming is used up. */
    public boolean consume(AllocationKind kind) {
        return armed.remove(kind);
    }

    public Set<AllocationKind> armed() {
        return java.util.Collections.unmodifiableSet(armed);
    }
}
