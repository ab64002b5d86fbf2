package com.ntprocesslab.store.classroom;

/** Whether a class's students may see a lab's reference solution. */
public enum SolutionRelease {
    /** As the lab says: offered after its number of failed checks, or never. */
    LAB_RULE,
    /** Never, whatever the lab says (an exam, an assignment not yet due). */
    WITHHELD,
    /** Always, for every lab (after the deadline). */
    RELEASED
}
