package com.ntprocesslab.lab.progress;

/** A lab id that the catalog does not hold (never existed, or is broken and was left out). */
public class LabNotFoundException extends RuntimeException {

    public LabNotFoundException(String labId) {
        super("There is no lab '" + labId + "'.");
    }
}
