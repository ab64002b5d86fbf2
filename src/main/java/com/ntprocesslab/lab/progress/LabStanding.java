package com.ntprocesslab.lab.progress;

import com.ntprocesslab.lab.catalog.Lab;

/** How far a student got in a lab: checkpoints reached (best ever), out of all of them. */
public record LabStanding(Lab lab, int passed, int checkpoints, boolean started) {
}
