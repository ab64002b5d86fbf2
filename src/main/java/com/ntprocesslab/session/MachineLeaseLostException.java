package com.ntprocesslab.session;

/**
 * Another node took this machine over (this node's lease ran out or was taken): the command was
 * refused by the fencing check and is not in the log.
 */
public class MachineLeaseLostException extends CommandNotRecordedException {

    public MachineLeaseLostException(long machineId) {
        super("Machine " + machineId + " is now served by another server, so your last command was not saved."
                + " Reload the page to continue where the machine stands.");
    }
}
