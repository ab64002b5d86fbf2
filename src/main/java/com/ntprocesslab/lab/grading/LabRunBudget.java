package com.ntprocesslab.lab.grading;

import java.time.Duration;

/**
 * How much a lab's setup, or its solution, may run on the reference machine: engine steps
 * for all its commands together, and time. A lab over budget is a broken lab, reported with
 * the line it was at; it cannot hold up start-up or the other labs.
 */
public record LabRunBudget(long maxSteps, Duration maxTime) {

    public static final LabRunBudget DEFAULT = new LabRunBudget(20_000_000, Duration.ofSeconds(10));
}
