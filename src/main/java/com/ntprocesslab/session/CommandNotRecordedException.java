package com.ntprocesslab.session;

/** The database refused to record an accepted command, so the machine went back to its last recorded state. */
public class CommandNotRecordedException extends RuntimeException {

    public CommandNotRecordedException(Throwable cause) {
        super("Your command could not be saved, so the machine is back at its last saved state. Please try again.", cause);
    }

    protected CommandNotRecordedException(String message) {
        super(message);
    }
}
