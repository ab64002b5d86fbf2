package com.ntprocesslab.lab.catalog;

/**
 * Something wrong with a lab's files, located so its author can fix it: {@code file} is
 * relative to the lab folder, {@code line} is 1-based (0 when the problem is the whole file).
 */
public record LabProblem(String labFolder, String file, int line, String reason) {

    /** "03-suspended-start/lab.yaml:12: unknown predicate 'foo'". */
    @Override
    public String toString() {
        return labFolder + "/" + file + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
