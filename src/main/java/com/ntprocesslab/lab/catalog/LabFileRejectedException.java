package com.ntprocesslab.lab.catalog;

/** A lab file that is not read at all: too large, binary, or a link leading out of the lab folder. */
public final class LabFileRejectedException extends RuntimeException {

    private final String fileName;
    private final int line;

    public LabFileRejectedException(String fileName, int line, String reason) {
        super(reason);
        this.fileName = fileName;
        this.line = line;
    }

    public String fileName() {
        return fileName;
    }

    /** The line the problem is on, 0 when it is the whole file. */
    public int line() {
        return line;
    }
}
