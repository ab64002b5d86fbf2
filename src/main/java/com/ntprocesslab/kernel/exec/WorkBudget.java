package com.ntprocesslab.kernel.exec;

import java.util.function.Supplier;

/**
 * How much work the caller lets the kernel do: at most so many engine steps (boot, commands,
 * the replays of time travel all count), and until a deadline the caller keeps. The kernel
 * reads no clock: the layer above supplies the deadline as a question it can ask between
 * steps. When either is spent the work stops with {@link WorkBudgetExhaustedException}; the
 * machine is then half-way through a step list and the caller must throw it away.
 */
public final class WorkBudget {

    /** Asked every {@link #DEADLINE_EVERY} steps; true once the caller's time is up. */
    @FunctionalInterface
    public interface Deadline {
        Deadline NONE = () -> false;

        boolean passed();
    }

    static final int DEADLINE_EVERY = 256;
    private static final ThreadLocal<WorkBudget> CURRENT = new ThreadLocal<>();

    private final long maxSteps;
    private final Deadline deadline;
    private final WorkBudget outer;
    private long steps;

    private WorkBudget(long maxSteps, Deadline deadline, WorkBudget outer) {
        this.maxSteps = maxSteps;
        this.deadline = deadline;
        this.outer = outer;
    }

    /**
     * Runs {@code work} on this thread under the budget and returns its result with the steps
     * it took. Budgets nest: an inner budget counts against the outer one too, and the outer
     * one's deadline stops the inner work as well (a lab's whole verification bounds each of
     * its runs).
     */
    public static <T> Spent<T> run(long maxSteps, Deadline deadline, Supplier<T> work) {
        WorkBudget outer = CURRENT.get();
        WorkBudget budget = new WorkBudget(maxSteps, deadline, outer);
        CURRENT.set(budget);
        try {
            T result = work.get();
            return new Spent<>(result, budget.steps);
        } finally {
            if (outer != null) {
                outer.charge(budget.steps);
            }
            CURRENT.set(outer);
        }
    }

    /** The result of budgeted work and the engine steps it took. */
    public record Spent<T>(T result, long steps) {
    }

    /** The budget work on this thread runs under, or null when nothing bounds it. */
    static WorkBudget current() {
        return CURRENT.get();
    }

    /** Called by the engine before each step, with the budget {@link #current()} gave its run loop. */
    static void chargeStep(WorkBudget budget) {
        if (budget != null) {
            budget.charge(1);
        }
    }

    private void charge(long count) {
        long before = steps;
        steps += count;
        if (steps > maxSteps) {
            throw new WorkBudgetExhaustedException(WorkBudgetExhaustedException.Kind.STEPS, maxSteps);
        }
        if (before / DEADLINE_EVERY != steps / DEADLINE_EVERY && deadlinePassed()) {
            throw new WorkBudgetExhaustedException(WorkBudgetExhaustedException.Kind.TIME, steps);
        }
    }

    private boolean deadlinePassed() {
        return deadline.passed() || outer != null && outer.deadlinePassed();
    }
}
